import { commandMetadataFor } from '@gongzhi/identity';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { assertMayVote } from '../../domain/voting/ballot-rules';
import { voterRollDecider, voterStreamId } from '../../domain/voting/voter-roll.decider';
import { CastBallot } from './cast-ballot.command';
import { ConcurrencyLimit } from '../../application/concurrency-limit';
import { FoldedStreams } from '../../application/folded-streams';
import type { TopicState } from '../../domain/topic/topic.state';

/** Below the stores' pools (20 connections each), so ballots never time out waiting for one. */
const BALLOTS_IN_FLIGHT = 16;

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
 * writes replaces it and completes the roll: one resident, one ballot.
 */
@CommandHandler(CastBallot)
export class CastBallotHandler implements ICommandHandler<CastBallot, BallotReceipt> {
  private readonly inFlight = new ConcurrencyLimit(BALLOTS_IN_FLIGHT);
  private readonly topics: FoldedStreams<TopicState, TopicEvent>;

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {
    this.topics = new FoldedStreams(infrastructure.eventStore, topicDecider);
  }

  execute(command: CastBallot): Promise<BallotReceipt> {
    return this.inFlight.run(() => this.cast(command));
  }

  private async cast({ data: { topicId, optionId, caller } }: CastBallot): Promise<BallotReceipt> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    assertMayVote(await this.topics.current(topicStreamId(topicId)), caller, optionId, now);
    await this.ballotBox.cast(topicId, caller.subject, [optionId]);
    const roll = await handleCommand(
      eventStore,
      voterRollDecider,
      voterStreamId(topicId, caller.subject),
      { type: 'RecordVoter', data: { boxId: topicId, voterId: caller.subject, ballotId: uuidv7(now.getTime()), assisted: false } },
      commandMetadataFor(caller, now),
    );
    return { topicId, ballotId: roll.state.ballotId!, firstBallot: roll.events.length > 0 };
  }
}
