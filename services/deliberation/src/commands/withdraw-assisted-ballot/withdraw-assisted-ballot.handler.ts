import { commandMetadataFor } from '@gongzhi/identity';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, fold, handleCommand, toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { assistedDecider, assistedStreamId } from '../../domain/assisted/assisted.decider';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { voterRollDecider, voterStreamId } from '../../domain/voting/voter-roll.decider';
import { WithdrawAssistedBallot } from './withdraw-assisted-ballot.command';

@CommandHandler(WithdrawAssistedBallot)
export class WithdrawAssistedBallotHandler implements ICommandHandler<WithdrawAssistedBallot, { topicId: string; status: 'withdrawn' }> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  async execute({ data: { topicId, resident } }: WithdrawAssistedBallot): Promise<{ topicId: string; status: 'withdrawn' }> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    const assisted = await eventStore.readStream(assistedStreamId(resident.subject));
    const state = fold(
      assistedDecider,
      assisted.events.map((e) => toDomainEvent(e) as never),
    );
    const metadata = commandMetadataFor(resident, now);
    // Refusals first: nothing recorded for this resident here, or the vote has closed.
    assistedDecider.decide({ type: 'WithdrawAssistedBallot', data: { topicId } }, state, { now, actor: metadata.actor, caller: resident });
    const topic = fold(
      topicDecider,
      (await eventStore.readStream(topicStreamId(topicId))).events.map((e) => toDomainEvent<TopicEvent>(e)),
    );
    if (topic.status !== 'Voting' || !topic.voting || now.getTime() >= Date.parse(topic.voting.closesAt)) {
      throw new DomainError('VOTING.CLOSED', 'the vote has closed: the ballot is counted');
    }
    // Only the ballot staff recorded is taken out: one the resident cast themselves since then stays.
    if ((await this.ballotBox.isAssisted(topicId, resident.subject)) !== false) {
      await this.ballotBox.withdraw(topicId, resident.subject);
      await handleCommand(
        eventStore,
        voterRollDecider,
        voterStreamId(topicId, resident.subject),
        { type: 'WithdrawVoter', data: { boxId: topicId, voterId: resident.subject } },
        metadata,
      );
    }
    await handleCommand(
      eventStore,
      assistedDecider,
      assistedStreamId(resident.subject),
      { type: 'WithdrawAssistedBallot', data: { topicId } },
      metadata,
      { caller: resident },
    );
    return { topicId, status: 'withdrawn' };
  }
}
