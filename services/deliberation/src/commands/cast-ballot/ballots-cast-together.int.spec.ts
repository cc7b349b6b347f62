import { type DataSource } from 'typeorm';
import { ManualClock, readStreams, uuidv7, type EventStore, type ReadStreamResult } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { RUNTIME_ENTITIES } from '@gongzhi/runtime';
import { platformDataSource } from '@gongzhi/persistence';
import { freshTestDatabase } from '@gongzhi/testing';
import { deliberationService } from '../../index';
import { openVotingRig, rigResident } from '../../testing/voting-rig';
import { voterStreamId } from '../../domain/voting/voter-roll.decider';

/**
 * Ballots cast at the same moment share their round trips on PostgreSQL: one read of the roll streams, one
 * append for all of them. Sharing must not become a way around one resident, one ballot: the same resident
 * voting many times at once, or another writer moving a voter's roll between that read and that append.
 */
describe('ballots cast together (PostgreSQL store and database)', () => {
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-05-04T02:00:00Z'));

  beforeAll(async () => {
    const url = await freshTestDatabase('votes_together');
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

  const rollOf = async (topicId: string, voter: number) =>
    (await store.readStream(voterStreamId(topicId, rigResident(voter).subject))).events.map((e) => e.type);

  it('counts a resident who votes twenty times at once, among fifty others, once: one ballot, one roll entry, one receipt', async () => {
    const rig = await openVotingRig(store, dataSource, clock);
    const topicId = await rig.openTopicForVoting(60);

    const receipts = await Promise.all([
      ...Array.from({ length: 20 }, (_, n) => rig.cast(topicId, rigResident(1), n % 2 === 0 ? 'yes' : 'no')),
      ...Array.from({ length: 50 }, (_, n) => rig.cast(topicId, rigResident(n + 2), 'abstain')),
    ]);

    const mine = receipts.slice(0, 20);
    expect(mine.filter((r) => r.firstBallot)).toHaveLength(1);
    expect(new Set(mine.map((r) => r.ballotId)).size).toBe(1);
    expect(receipts.slice(20).every((r) => r.firstBallot)).toBe(true);
    expect(await rollOf(topicId, 1)).toEqual(['BallotCast']);
    expect(await rig.ballotBox.ballotCount(topicId)).toBe(51);

    clock.advance({ days: 4 });
    expect(await rig.scheduler.fireDue()).toBe(1);
    const topic = await rig.topic(topicId);
    if (topic.status !== 'VotingClosed' || !topic.result) throw new Error(`the vote did not close: ${topic.status}`);
    expect(topic.result.ballotsCast).toBe(51);
    const votes = Object.fromEntries(topic.result.tally.map((t) => [t.optionId, t.votes]));
    expect(votes.abstain).toBe(50);
    expect(votes.yes + votes.no).toBe(1); // one of the two, whichever came last
  });

  it("decides a voter again when another writer moved their roll between the batch's read and its append", async () => {
    // The roll of resident 3 gets its BallotCast from elsewhere (another replica) right after the batch read it.
    let interfered = false;
    const racing: EventStore = Object.assign(Object.create(store) as PostgresEventStore, {
      readStreams: async (streamIds: readonly string[]): Promise<ReadonlyMap<string, ReadStreamResult>> => {
        const read = await readStreams(store, streamIds);
        const target = streamIds.find((id) => id.endsWith(`-${rigResident(3).subject}`));
        if (target && !interfered) {
          interfered = true;
          const [, boxId] = /^voter-(.+)-resident-3$/.exec(target)!;
          await store.appendToStream(
            target,
            [{ type: 'BallotCast', data: { topicId: boxId, voterId: rigResident(3).subject, ballotId: uuidv7(), assisted: false } }],
            { expectedVersion: 'no_stream' },
          );
        }
        return read;
      },
    });
    const rig = await openVotingRig(racing, dataSource, clock);
    const topicId = await rig.openTopicForVoting(10);

    const receipts = await Promise.all([2, 3, 4].map((n) => rig.cast(topicId, rigResident(n), 'yes')));

    expect(interfered).toBe(true);
    expect(receipts.map((r) => r.firstBallot)).toEqual([true, false, true]); // resident 3 was on the roll already
    for (const n of [2, 3, 4]) expect(await rollOf(topicId, n)).toEqual(['BallotCast']);
    expect(await rig.ballotBox.ballotCount(topicId)).toBe(3);
  });
});
