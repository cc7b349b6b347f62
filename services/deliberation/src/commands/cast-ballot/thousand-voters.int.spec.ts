import { Client } from 'pg';
import { type DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { RUNTIME_ENTITIES } from '@gongzhi/runtime';
import { freshTestDatabase } from '@gongzhi/testing';
import { deliberationService } from '../../index';
import { openVotingRig, rigResident } from '../../testing/voting-rig';
import { platformDataSource } from '@gongzhi/persistence';

describe('1,000 residents voting at once on one topic (PostgreSQL store and database)', () => {
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const clock = new ManualClock();

  beforeAll(async () => {
    const url = await freshTestDatabase('votes');
    store = await PostgresEventStore.connect({ connectionString: url, schema: 'deliberation_events', clock: () => clock.now() });
    dataSource = await platformDataSource({
      type: 'postgres',
      url,
      schema: 'public',
      entities: [...RUNTIME_ENTITIES, ...deliberationService.entities],
      synchronize: true,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
  });

  it('stores exactly 1,000 ballots, rolls 1,000 voters and closes by the deadline with the right tally', async () => {
    const rig = await openVotingRig(store, dataSource, clock);
    const topicId = await rig.openTopicForVoting(1_200);
    const choice = (n: number) => (n % 10 < 6 ? 'yes' : n % 10 < 9 ? 'no' : 'abstain');

    const roundTrips = jest.spyOn(Client.prototype, 'query');
    const receipts = await Promise.all(Array.from({ length: 1_000 }, (_, n) => rig.cast(topicId, rigResident(n + 1), choice(n + 1))));
    // They go together, scores at a time: the round trips of a read, a box write and a roll append are shared.
    expect(roundTrips.mock.calls.length).toBeLessThan(250); // 16 at a time took about 850
    roundTrips.mockRestore();
    // 100 residents change their minds at the same time as 100 others vote again the same way.
    await Promise.all([
      ...Array.from({ length: 100 }, (_, n) => rig.cast(topicId, rigResident(n * 10 + 1), 'no')), // a yes (n*10+1 ≡ 1) becomes no
      ...Array.from({ length: 100 }, (_, n) => rig.cast(topicId, rigResident(n * 10 + 7), 'no')), // already no
    ]);

    expect(receipts.every((r) => r.firstBallot)).toBe(true);
    expect(new Set(receipts.map((r) => r.ballotId)).size).toBe(1_000);
    expect(await rig.ballotBox.ballotCount(topicId)).toBe(1_000);
    const rolled = (await store.readAll({ limit: 10_000 })).filter((e) => e.type === 'BallotCast');
    expect(rolled).toHaveLength(1_000);
    expect(rolled.every((e) => !JSON.stringify(e).includes('"yes"') && !JSON.stringify(e).includes('"no"'))).toBe(true);

    expect(await rig.scheduler.fireDue()).toBe(0);
    clock.advance({ days: 3 });
    expect(await rig.scheduler.fireDue()).toBe(1);
    await expect(rig.cast(topicId, rigResident(1_001), 'yes')).rejects.toMatchObject({ code: 'VOTING.CLOSED' });

    const topic = await rig.topic(topicId);
    expect(topic.status).toBe('VotingClosed');
    if (topic.status === 'None') return;
    // 600 yes − 100 changed = 500; 300 no + 100 = 400; 100 abstain.
    expect(topic.result).toEqual({
      topicId,
      tally: [
        { optionId: 'yes', votes: 500 },
        { optionId: 'no', votes: 400 },
        { optionId: 'abstain', votes: 100 },
      ],
      ballotsCast: 1_000,
      eligibleVoters: 1_200,
      turnoutPercent: 83.33,
      quorumMet: true,
      passed: true,
      winningOptionId: 'yes',
      assistedBallots: 0,
    });
  });
});
