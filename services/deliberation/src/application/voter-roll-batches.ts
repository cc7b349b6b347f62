import {
  appendToStreams,
  handleCommand,
  newEventsFrom,
  readStreams,
  toDomainEvent,
  type CommandMetadata,
  type EventStore,
  type StreamAppend,
} from '@gongzhi/eventsourcing';
import {
  voterRollDecider,
  voterStreamId,
  type RecordVoter,
  type VoterRollEvent,
  type VoterRollState,
} from '../domain/voting/voter-roll.decider';
import { GroupCommit } from './group-commit';

export interface VoterRecorded {
  readonly state: VoterRollState;
  /** False when the voter was on the roll already (a changed ballot): nothing was appended. */
  readonly firstBallot: boolean;
  /**
   * Whether a write to the store was committed after `record` was called (this voter's BallotCast, or another
   * voter's of the same batch): a commit made before the call, to the same write-ahead log, is on disk with it.
   */
  readonly committedAfter: boolean;
}

/** A voter's roll stream as read: its version and its state. */
export interface VoterRoll {
  readonly streamId: string;
  readonly version: number;
  readonly state: VoterRollState;
}

interface Pending {
  readonly command: RecordVoter;
  readonly metadata: CommandMetadata;
  readonly roll: VoterRoll;
}

/** The answer of a voter whose append met a concurrent writer of the same roll stream: decided again alone. */
const ALONE = Symbol('alone');

/**
 * The voter roll of ballots cast together, written together: the roll streams asked for meanwhile are read in
 * one statement (`read`), and the BallotCast events of a batch appended in one more (`record`), one round trip
 * each on PostgreSQL, instead of a read and an append per ballot. A ballot reads its roll alongside the topic,
 * before its ballot goes in the box, and records on that read: each voter is decided on exactly as
 * `handleCommand` would (read, fold, decide, append at the version read), so the version check still keeps a
 * voter on the roll once. A voter whose stream moved since it was read (their own ballot of another batch, an
 * assisted ballot recorded or withdrawn by another replica) is decided again on their own, with handleCommand's
 * bounded retries.
 */
export class VoterRollBatches {
  private readonly reads = new GroupCommit<string, VoterRoll>((streamIds) => this.readBatch(streamIds));
  private readonly batches = new GroupCommit<Pending, VoterRecorded | typeof ALONE>((pending) => this.recordBatch(pending));

  constructor(private readonly store: EventStore) {}

  /** The voter's roll as it stands now, read together with the other rolls asked for meanwhile. */
  read(boxId: string, voterId: string): Promise<VoterRoll> {
    return this.reads.submit(voterStreamId(boxId, voterId));
  }

  /** Records the voter on the roll as read by `read` (nothing when they are on it already). */
  async record(command: RecordVoter, metadata: CommandMetadata, roll: VoterRoll): Promise<VoterRecorded> {
    const answer = await this.batches.submit({ command, metadata, roll });
    if (answer !== ALONE) return answer;
    const alone = await handleCommand(this.store, voterRollDecider, streamOf(command), command, metadata);
    return { state: alone.state, firstBallot: alone.events.length > 0, committedAfter: alone.events.length > 0 };
  }

  private async readBatch(streamIds: readonly string[]): Promise<VoterRoll[]> {
    const streams = await readStreams(this.store, streamIds);
    return streamIds.map((streamId) => {
      const { streamVersion, events } = streams.get(streamId)!;
      const state = events.map((e) => toDomainEvent<VoterRollEvent>(e)).reduce(voterRollDecider.evolve, voterRollDecider.initialState());
      return { streamId, version: streamVersion, state };
    });
  }

  private async recordBatch(pending: readonly Pending[]): Promise<(VoterRecorded | typeof ALONE)[]> {
    // A voter twice in the batch is decided on the later of their reads, one ballot after the other.
    const rolls = new Map<string, { version: number; state: VoterRollState }>();
    for (const { roll } of pending) {
      const known = rolls.get(roll.streamId);
      if (!known || roll.version > known.version) rolls.set(roll.streamId, { version: roll.version, state: roll.state });
    }
    const decided: { state: VoterRollState; firstBallot: boolean }[] = [];
    const appends: StreamAppend[] = [];
    for (const { command, metadata, roll: read } of pending) {
      const roll = rolls.get(read.streamId)!;
      const events = voterRollDecider.decide(command, roll.state, { now: metadata.now, actor: metadata.actor });
      if (events.length > 0) {
        // At most one append per stream: once the voter is on the roll, a second ballot of the batch decides nothing.
        appends.push({ streamId: read.streamId, events: newEventsFrom(events, metadata), options: { expectedVersion: roll.version } });
        roll.state = events.reduce(voterRollDecider.evolve, roll.state);
      }
      decided.push({ state: roll.state, firstBallot: events.length > 0 });
    }
    const outcomes = await appendToStreams(this.store, appends);
    const committed = outcomes.some((outcome) => outcome.ok && outcome.result.written > 0);
    const moved = new Set(appends.filter((_, i) => !outcomes[i].ok).map((append) => append.streamId));
    // Every ballot of a stream that moved is decided again, the ones that decided nothing on the stale state too.
    return decided.map((answer, i) => (moved.has(pending[i].roll.streamId) ? ALONE : { ...answer, committedAfter: committed }));
  }
}

const streamOf = ({ data }: RecordVoter) => voterStreamId(data.boxId, data.voterId);
