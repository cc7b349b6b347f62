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
}

interface Pending {
  readonly command: RecordVoter;
  readonly metadata: CommandMetadata;
}

/** The answer of a voter whose append met a concurrent writer of the same roll stream: decided again alone. */
const ALONE = Symbol('alone');

/**
 * The voter roll of ballots cast together, written together: the roll streams of a batch are read in one
 * statement and their BallotCast events appended in one more (one round trip each on PostgreSQL), instead of
 * a read and an append per ballot. Each voter is decided on exactly as `handleCommand` would (read, fold,
 * decide, append at the version read), so the version check still keeps a voter on the roll once: a voter
 * whose stream moved meanwhile (an assisted ballot recorded or withdrawn by another replica) is decided again
 * on their own, with handleCommand's bounded retries.
 */
export class VoterRollBatches {
  private readonly batches = new GroupCommit<Pending, VoterRecorded | typeof ALONE>((pending) => this.recordBatch(pending));

  constructor(private readonly store: EventStore) {}

  async record(command: RecordVoter, metadata: CommandMetadata): Promise<VoterRecorded> {
    const answer = await this.batches.submit({ command, metadata });
    if (answer !== ALONE) return answer;
    const alone = await handleCommand(this.store, voterRollDecider, streamOf(command), command, metadata);
    return { state: alone.state, firstBallot: alone.events.length > 0 };
  }

  private async recordBatch(pending: readonly Pending[]): Promise<(VoterRecorded | typeof ALONE)[]> {
    const streams = await readStreams(
      this.store,
      pending.map(({ command }) => streamOf(command)),
    );
    const rolls = new Map<string, { version: number; state: VoterRollState }>();
    const answers: (VoterRecorded | typeof ALONE)[] = [];
    const appends: StreamAppend[] = [];
    for (const { command, metadata } of pending) {
      const streamId = streamOf(command);
      let roll = rolls.get(streamId);
      if (!roll) {
        const { streamVersion, events } = streams.get(streamId)!;
        const state = events.map((e) => toDomainEvent<VoterRollEvent>(e)).reduce(voterRollDecider.evolve, voterRollDecider.initialState());
        roll = { version: streamVersion, state };
        rolls.set(streamId, roll);
      }
      const events = voterRollDecider.decide(command, roll.state, { now: metadata.now, actor: metadata.actor });
      if (events.length > 0) {
        // At most one append per stream: once the voter is on the roll, a second ballot of the batch decides nothing.
        appends.push({ streamId, events: newEventsFrom(events, metadata), options: { expectedVersion: roll.version } });
        roll.state = events.reduce(voterRollDecider.evolve, roll.state);
      }
      answers.push({ state: roll.state, firstBallot: events.length > 0 });
    }
    const outcomes = await appendToStreams(this.store, appends);
    const moved = new Set(appends.filter((_, i) => !outcomes[i].ok).map((append) => append.streamId));
    // Every ballot of a stream that moved is decided again, the ones that decided nothing on the stale state too.
    return moved.size === 0 ? answers : answers.map((answer, i) => (moved.has(streamOf(pending[i].command)) ? ALONE : answer));
  }
}

const streamOf = ({ data }: RecordVoter) => voterStreamId(data.boxId, data.voterId);
