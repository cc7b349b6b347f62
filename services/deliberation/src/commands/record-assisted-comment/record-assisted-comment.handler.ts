import { commandMetadataFor } from '@gongzhi/identity';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, fold, handleCommand, toDomainEvent, uuidv7 } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CONSENT_CODES, type ConsentCodes } from '../../assisted/consent-codes';
import { SLIP_PHOTOS, type SlipPhotos } from '../../assisted/staff-photos.projector';
import { assertMayAssist, assistedDecider, assistedStreamId } from '../../domain/assisted/assisted.decider';
import type { Caller } from '../../domain/caller';
import { commentDecider, commentStreamId } from '../../domain/comment/comment.decider';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';
import { consentingResident, spendConsent, type AssistedReceipt } from '../../assisted/assisted-consent';
import { RecordAssistedComment } from './record-assisted-comment.command';

@CommandHandler(RecordAssistedComment)
export class RecordAssistedCommentHandler implements ICommandHandler<RecordAssistedComment, AssistedReceipt> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(CONSENT_CODES) private readonly codes: ConsentCodes,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
    @Inject(SLIP_PHOTOS) private readonly photos: SlipPhotos,
  ) {}

  async execute({ data: { topicId, residentId, text, consent: presented, assistant } }: RecordAssistedComment): Promise<AssistedReceipt> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    const { resident, consent } = await consentingResident(
      { codes: this.codes, register: this.register, photos: this.photos },
      assistant,
      residentId,
      presented,
    );
    assertMayAssist(assistant, resident);
    const topic = fold(
      topicDecider,
      (await eventStore.readStream(topicStreamId(topicId))).events.map((e) => toDomainEvent<TopicEvent>(e)),
    );
    if (topic.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', `no topic ${topicId}`);
    if (topic.communityId !== resident.communityId)
      throw new DomainError('ASSISTED.FORBIDDEN', "the topic is not in the resident's community");
    const commentId = uuidv7(now.getTime());
    const assisted = await eventStore.readStream(assistedStreamId(residentId));
    const metadata = commandMetadataFor(assistant, now);
    assistedDecider.decide(
      { type: 'RecordAssistedComment', data: { topicId, residentId, commentId, consent } },
      fold(
        assistedDecider,
        assisted.events.map((e) => toDomainEvent(e) as never),
      ),
      {
        now,
        actor: metadata.actor,
        caller: assistant,
      },
    );
    await spendConsent({ codes: this.codes, register: this.register, photos: this.photos }, residentId, presented);
    const author: Caller = {
      subject: residentId,
      roles: ['resident'],
      scope: { communityId: resident.communityId ?? undefined },
      verification: resident.verification,
    };
    await handleCommand(
      eventStore,
      commentDecider,
      commentStreamId(commentId),
      { type: 'PostComment', data: { commentId, topicId, parentCommentId: null, text } },
      metadata,
      {
        caller: author,
        topicCommunityId: topic.communityId,
      },
    );
    await handleCommand(
      eventStore,
      assistedDecider,
      assistedStreamId(residentId),
      { type: 'RecordAssistedComment', data: { topicId, residentId, commentId, consent } },
      metadata,
      {
        caller: assistant,
      },
    );
    return { topicId, residentId, status: 'recorded', commentId };
  }
}
