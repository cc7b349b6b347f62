import { commandMetadataFor } from '@gongzhi/identity';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, fold, handleCommand, toDomainEvent, uuidv7 } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CONSENT_CODES, type ConsentCodes } from '../../assisted/consent-codes';
import { SLIP_PHOTOS, type SlipPhotos } from '../../assisted/staff-photos.projector';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { assertMayAssist, assistedDecider, assistedStreamId } from '../../domain/assisted/assisted.decider';
import type { Caller } from '../../domain/caller';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { assertMayVote } from '../../domain/voting/ballot-rules';
import { voterRollDecider, voterStreamId } from '../../domain/voting/voter-roll.decider';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';
import { consentingResident, spendConsent, type AssistedReceipt } from '../../assisted/assisted-consent';
import { RecordAssistedBallot } from './record-assisted-ballot.command';

@CommandHandler(RecordAssistedBallot)
export class RecordAssistedBallotHandler implements ICommandHandler<RecordAssistedBallot, AssistedReceipt> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
    @Inject(CONSENT_CODES) private readonly codes: ConsentCodes,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
    @Inject(SLIP_PHOTOS) private readonly photos: SlipPhotos,
  ) {}

  async execute({
    data: { topicId, residentId, optionId, consent: presented, assistant },
  }: RecordAssistedBallot): Promise<AssistedReceipt> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    // Every refusal before anything is written: a real verified resident, consent, who may assist, the roll, a ballot already cast.
    const { resident, consent } = await consentingResident(
      { codes: this.codes, register: this.register, photos: this.photos },
      assistant,
      residentId,
      presented,
    );
    assertMayAssist(assistant, resident);
    const voter: Caller = {
      subject: residentId,
      roles: ['resident'],
      scope: { communityId: resident.communityId ?? undefined, gridId: resident.gridId ?? undefined },
      verification: resident.verification,
    };
    const { events } = await eventStore.readStream(topicStreamId(topicId));
    assertMayVote(
      fold(
        topicDecider,
        events.map((e) => toDomainEvent<TopicEvent>(e)),
      ),
      voter,
      optionId,
      now,
    );
    const roll = await eventStore.readStream(voterStreamId(topicId, residentId));
    if (
      fold(
        voterRollDecider,
        roll.events.map((e) => toDomainEvent(e) as never),
      ).voted
    ) {
      throw new DomainError('ASSISTED.ALREADY_VOTED', 'the resident has a ballot in this vote already; only they may change it');
    }
    const assisted = await eventStore.readStream(assistedStreamId(residentId));
    const ballotId = uuidv7(now.getTime());
    assistedDecider.decide(
      { type: 'RecordAssistedBallot', data: { topicId, residentId, ballotId, consent } },
      fold(
        assistedDecider,
        assisted.events.map((e) => toDomainEvent(e) as never),
      ),
      { now, actor: commandMetadataFor(assistant, now).actor, caller: assistant },
    );
    await spendConsent({ codes: this.codes, register: this.register, photos: this.photos }, residentId, presented);

    await this.ballotBox.cast(topicId, residentId, [optionId], true);
    const metadata = commandMetadataFor(assistant, now);
    await handleCommand(
      eventStore,
      voterRollDecider,
      voterStreamId(topicId, residentId),
      { type: 'RecordVoter', data: { boxId: topicId, voterId: residentId, ballotId, assisted: true } },
      metadata,
    );
    await handleCommand(
      eventStore,
      assistedDecider,
      assistedStreamId(residentId),
      { type: 'RecordAssistedBallot', data: { topicId, residentId, ballotId, consent } },
      metadata,
      {
        caller: assistant,
      },
    );
    return { topicId, residentId, status: 'recorded', ballotId };
  }
}
