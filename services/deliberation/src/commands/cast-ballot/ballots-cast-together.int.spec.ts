import { Client } from 'pg';
import { type DataSource } from 'typeorm';
import {
  ManualClock,
  appendToStreams,
  readStreams,
  uuidv7,
  type EventStore,
  type ReadStreamResult,
  type StreamAppend,
  type StreamAppendOutcome,
} from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { RUNTIME_ENTITIES } from '@gongzhi/runtime';
import { platformDataSource } from '@gongzhi/persistence';
import { freshTestDatabase } from '@gongzhi/testing';
import { deliberationService } from '../../index';
import { openVotingRig, rigResident } from '../../testing/voting-rig';
import { voterStreamId } from '../../domain/voting/voter-roll.decider';

/**
 * Ballots cast at the same moment share their round trips on PostgreSQL: one read of the roll streams, one
 * append for all of them; and a first ballot's box commit leaves its wait for the disk to the roll append that
 * follows it. Sharing must not become a way around one resident, one ballot: the same resident voting many
 * times at once, in one batch or racing across batches, another writer moving a voter's roll between that read
 * and that append, or a crash between the ballot and its roll entry.
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

  it("counts a resident's two ballots racing through different batches once, and flushes the box for the one that found the roll taken", async () => {
    // Resident 5's first ballot reaches its roll append only after the second ballot of resident 5, in another batch,
    // has read the roll as empty too: both went into the box as first ballots, leaving their flush to the roll append.
    const target = (streamId: string) => streamId.endsWith(`-${rigResident(5).subject}`);
    let secondRead!: () => void;
    const secondReadDone = new Promise<void>((resolve) => (secondRead = resolve));
    let reads = 0;
    let held = false;
    const racing: EventStore = Object.assign(Object.create(store) as PostgresEventStore, {
      readStreams: async (streamIds: readonly string[]): Promise<ReadonlyMap<string, ReadStreamResult>> => {
        const read = await readStreams(store, streamIds);
        if (streamIds.some(target) && ++reads === 2) secondRead();
        return read;
      },
      appendToStreams: async (appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]> => {
        if (!held && appends.some((a) => target(a.streamId))) {
          held = true;
          await secondReadDone;
        }
        return appendToStreams(store, appends);
      },
    });
    const rig = await openVotingRig(racing, dataSource, clock);
    const topicId = await rig.openTopicForVoting(10);
    const flushes = jest.spyOn(rig.ballotBox, 'flush');

    const first = rig.cast(topicId, rigResident(5), 'yes');
    const others = [6, 7].map((n) => rig.cast(topicId, rigResident(n), 'no'));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first batch is past its read and waits to append
    const second = rig.cast(topicId, rigResident(5), 'abstain');
    const receipts = await Promise.all([first, second, ...others]);

    expect(reads).toBe(2);
    expect(receipts.slice(0, 2).map((r) => r.firstBallot)).toEqual([true, false]);
    expect(receipts[1].ballotId).toBe(receipts[0].ballotId);
    expect(await rollOf(topicId, 5)).toEqual(['BallotCast']);
    expect(flushes).toHaveBeenCalledTimes(1); // the second ballot's box commit was made durable before its answer
    expect(await rig.ballotBox.ballotCount(topicId)).toBe(3);
    expect(await rig.ballotBox.choiceOf(topicId, rigResident(5).subject)).toEqual(['abstain']);

    clock.advance({ days: 4 });
    expect(await rig.scheduler.fireDue()).toBeGreaterThanOrEqual(1); // this vote's close, and any earlier test's
    const topic = await rig.topic(topicId);
    if (topic.status !== 'VotingClosed' || !topic.result) throw new Error(`the vote did not close: ${topic.status}`);
    expect(topic.result.ballotsCast).toBe(3);
    expect(Object.fromEntries(topic.result.tally.map((t) => [t.optionId, t.votes]))).toMatchObject({ yes: 0, no: 2, abstain: 1 });
  });

  it('loses nothing and counts nothing twice when the process dies between the ballot and its roll entry', async () => {
    // The roll append never happens: the process is gone after the box commit (which had left its flush to that append).
    const dying: EventStore = Object.assign(Object.create(store) as PostgresEventStore, {
      appendToStreams: async (): Promise<never> => {
        throw new Error('the process died');
      },
    });
    const before = await openVotingRig(dying, dataSource, clock);
    const topicId = await before.openTopicForVoting(10);
    await expect(before.cast(topicId, rigResident(8), 'yes')).rejects.toThrow('the process died');
    expect(await rollOf(topicId, 8)).toEqual([]);

    // A restarted process (a fresh handler on the same databases); the resident, unanswered, votes again.
    const after = await openVotingRig(store, dataSource, clock);
    const receipt = await after.cast(topicId, rigResident(8), 'no');
    expect(receipt.firstBallot).toBe(true);
    expect(await rollOf(topicId, 8)).toEqual(['BallotCast']);
    expect(await after.ballotBox.ballotCount(topicId)).toBe(1);

    clock.advance({ days: 4 });
    expect(await after.scheduler.fireDue()).toBeGreaterThanOrEqual(1);
    const topic = await after.topic(topicId);
    if (topic.status !== 'VotingClosed' || !topic.result) throw new Error(`the vote did not close: ${topic.status}`);
    expect(topic.result.ballotsCast).toBe(1);
    expect(Object.fromEntries(topic.result.tally.map((t) => [t.optionId, t.votes]))).toMatchObject({ yes: 0, no: 1 });
  });

  it('lets a changed ballot wait for its own flush to disk: no roll append follows it', async () => {
    const rig = await openVotingRig(store, dataSource, clock);
    const topicId = await rig.openTopicForVoting(10);
    const queries = jest.spyOn(Client.prototype, 'query');
    const boxWrites = () =>
      queries.mock.calls.map(([sql]) => (typeof sql === 'string' ? sql : '')).filter((sql) => sql.includes('deliberation_ballots'));

    await Promise.all([1, 2, 3].map((n) => rig.cast(topicId, rigResident(n), 'yes')));
    expect(boxWrites().length).toBeGreaterThan(0);
    expect(boxWrites().every((sql) => sql.includes('synchronous_commit = off'))).toBe(true); // first ballots: the roll append flushes
    queries.mockClear();

    const changed = await Promise.all([1, 2, 3].map((n) => rig.cast(topicId, rigResident(n), 'no')));
    const changes = boxWrites();
    queries.mockRestore();
    expect(changed.every((r) => !r.firstBallot)).toBe(true);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.some((sql) => sql.includes('synchronous_commit'))).toBe(false);
  });

  it('lets every box commit wait for its own flush when the store is not known to write to the same log (another server, or a role that may not tell)', async () => {
    const elsewhere: EventStore = Object.assign(Object.create(store) as PostgresEventStore, {
      writeAheadLog: async () => 'another server',
    });
    const rig = await openVotingRig(elsewhere, dataSource, clock);
    const topicId = await rig.openTopicForVoting(10);
    const queries = jest.spyOn(Client.prototype, 'query');

    const receipts = await Promise.all([1, 2, 3].map((n) => rig.cast(topicId, rigResident(n), 'yes')));
    const boxWrites = queries.mock.calls
      .map(([sql]) => (typeof sql === 'string' ? sql : ''))
      .filter((sql) => sql.includes('deliberation_ballots'));
    queries.mockRestore();

    expect(receipts.every((r) => r.firstBallot)).toBe(true);
    expect(boxWrites.length).toBeGreaterThan(0);
    expect(boxWrites.some((sql) => sql.includes('synchronous_commit'))).toBe(false);
  });
});
