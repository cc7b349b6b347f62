import { commandMetadataFor } from '@gongzhi/identity';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { currentCorrelationId } from '@gongzhi/platform';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { assertMayVote } from '../../domain/voting/ballot-rules';
import { CastBallot } from './cast-ballot.command';
import { ConcurrencyLimit } from '../../application/concurrency-limit';
import { FoldedStreams } from '@gongzhi/eventsourcing';
import { VoterRollBatches } from '../../application/voter-roll-batches';
import type { TopicState } from '../../domain/topic/topic.state';

/**
 * Ballots in flight in this process; the rest wait their turn. Ballots in flight share their round trips (one
 * connection per step, whatever the number), so this is not held below the pools' 20 connections: the more go
 * together, the fewer round trips and waits for the disk each costs (at 16, about six share each step; at 128,
 * about fifty). Only a ballot whose roll was taken meanwhile uses a connection of its own, for two statements.
 */
const BALLOTS_IN_FLIGHT = 128;

export interface BallotReceipt {
  readonly topicId: string;
  /** The receipt of the act of voting; it says nothing about the choice. */
  readonly ballotId: string;
  /** False when this replaced the voter's earlier ballot. */
  readonly firstBallot: boolean;
}

/**
 * Check, then the secret ballot, then the voter roll. Every refusal (window, eligibility, option) comes
 * before anything is written. The ballot is keyed by voter, so a retry after a failure between the two
 * writes replaces it and completes the roll: one resident, one ballot. Ballots cast together share their
 * round trips: one read of the topic's new events and, at the same time, one read of their roll streams; one
 * ballot-box transaction; one append to their roll streams.
 *
 * The ballot and its BallotCast stay in two transactions (one would give the ballot's row the transaction id of
 * the public event), but a first ballot waits for the disk once, not twice: where the box and the store commit to
 * one write-ahead log (PostgreSQL, one server), the box's commit does not wait for its flush, and the roll's
 * append, committed after it, flushes both. Should the roll append nothing after all (the voter's other ballot
 * got there first), the box is flushed before the answer. A changed ballot appends nothing, so its box commit waits.
 */
@CommandHandler(CastBallot)
export class CastBallotHandler implements ICommandHandler<CastBallot, BallotReceipt> {
  private readonly inFlight = new ConcurrencyLimit(BALLOTS_IN_FLIGHT);
  private readonly topics: FoldedStreams<TopicState, TopicEvent>;
  private readonly roll: VoterRollBatches;
  private sameLog?: Promise<boolean>;

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {
    this.topics = new FoldedStreams(infrastructure.eventStore, topicDecider);
    this.roll = new VoterRollBatches(infrastructure.eventStore);
  }

  execute(command: CastBallot): Promise<BallotReceipt> {
    return this.inFlight.run(() => this.cast(command));
  }

  private async cast({ data: { topicId, optionId, caller } }: CastBallot): Promise<BallotReceipt> {
    const now = this.infrastructure.clock.now();
    // Taken here, in the request's own context: the roll is appended in a batch's, shared with other requests.
    const metadata = commandMetadataFor(caller, now, { correlationId: currentCorrelationId() });
    const [topic, roll] = await Promise.all([this.topics.current(topicStreamId(topicId)), this.roll.read(topicId, caller.subject)]);
    assertMayVote(topic, caller, optionId, now);
    const flushLater = !roll.state.voted && (await this.sharedLog());
    await this.ballotBox.cast(topicId, caller.subject, [optionId], false, { flushLater });
    const recorded = await this.roll.record(
      { type: 'RecordVoter', data: { boxId: topicId, voterId: caller.subject, ballotId: uuidv7(now.getTime()), assisted: false } },
      metadata,
      roll,
    );
    if (flushLater && !recorded.committedAfter) await this.ballotBox.flush();
    return { topicId, ballotId: recorded.state.ballotId!, firstBallot: recorded.firstBallot };
  }

  /**
   * Whether the box and the store commit to one write-ahead log. Asked once; while either database cannot be asked,
   * the answer is no (each box commit waits for the disk itself) and the next ballot asks again.
   */
  private sharedLog(): Promise<boolean> {
    this.sameLog ??= Promise.all([this.infrastructure.eventStore.writeAheadLog?.() ?? null, this.ballotBox.writeAheadLog()]).then(
      ([store, box]) => store !== null && store === box,
      () => {
        this.sameLog = undefined;
        return false;
      },
    );
    return this.sameLog;
  }
}
