import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, fold, handleCommand, toDomainEvent, uuidv7 } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CONSENT_CODES, type ConsentCodes } from '../../assisted/consent-codes';
import { SLIP_PHOTOS, type SlipPhotos } from '../../assisted/staff-photos.projector';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { assertNamedGrid, assertRealVerifiedResident, assertSlipOfAssistant } from '../../domain/assisted/assisted-evidence';
import { assertMayAssist, assistedDecider, assistedStreamId, type Consent } from '../../domain/assisted/assisted.decider';
import type { Caller } from '../../domain/caller';
import { commentDecider, commentStreamId } from '../../domain/comment/comment.decider';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { assertMayVote } from '../../domain/voting/ballot-rules';
import { voterRollDecider, voterStreamId } from '../../domain/voting/voter-roll.decider';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';
import { metadataFor } from '../command-context';

/** The consent the assisting staff present: a code read from the resident's phone, or a signed slip's photo. */
export type PresentedConsent = { readonly method: 'one_time_code'; readonly code: string } | { readonly method: 'signed_slip'; readonly slipPhotoId: string; readonly gridId?: string };

export class RecordAssistedBallot {
  constructor(
    readonly topicId: string,
    readonly residentId: string,
    readonly optionId: string,
    readonly consent: PresentedConsent,
    readonly assistant: Caller,
  ) {}
}

export class RecordAssistedComment {
  constructor(
    readonly topicId: string,
    readonly residentId: string,
    readonly text: string,
    readonly consent: PresentedConsent,
    readonly assistant: Caller,
  ) {}
}

export class WithdrawAssistedBallot {
  constructor(
    readonly topicId: string,
    readonly resident: Caller,
  ) {}
}

/** What the assisting staff see: that it was recorded, never what. */
export interface AssistedReceipt {
  readonly topicId: string;
  readonly residentId: string;
  readonly status: 'recorded';
  readonly ballotId?: string;
  readonly commentId?: string;
}

/**
 * Who the resident is and whether they consented, before anything is written. The register says whether
 * the resident is real and verified and where they live; a code is checked against what the resident's
 * phone showed; a slip must be a photo the recording staff member uploaded.
 */
async function consentingResident(evidence: AssistedEvidence, assistant: Caller, residentId: string, consent: PresentedConsent) {
  const resident = assertRealVerifiedResident(residentId, await evidence.register.find(residentId));
  if (consent.method === 'one_time_code') {
    await evidence.codes.check(residentId, consent.code);
    return { resident, consent: { method: 'one_time_code', slipPhotoId: null } as Consent };
  }
  if (!consent.slipPhotoId?.trim()) {
    throw new DomainError('ASSISTED.CONSENT_REQUIRED', 'consent.slipPhotoId: a photo of the signed consent slip is required', { field: 'consent.slipPhotoId' });
  }
  assertNamedGrid(consent.gridId, resident);
  assertSlipOfAssistant(consent.slipPhotoId, await evidence.photos.find(consent.slipPhotoId), assistant, residentId);
  return { resident, consent: { method: 'signed_slip', slipPhotoId: consent.slipPhotoId } as Consent };
}

/** The code is spent, or the slip becomes this resident's: the last step before anything is written. */
async function spendConsent(evidence: AssistedEvidence, residentId: string, presented: PresentedConsent): Promise<void> {
  if (presented.method === 'one_time_code') return evidence.codes.spend(residentId, presented.code);
  if (!(await evidence.photos.claim(presented.slipPhotoId, residentId))) {
    throw new DomainError('ASSISTED.SLIP_PHOTO_USED', "the slip photo is already another resident's consent: each resident signs their own slip", {
      field: 'consent.slipPhotoId',
    });
  }
}

interface AssistedEvidence {
  readonly codes: ConsentCodes;
  readonly register: ResidentRegister;
  readonly photos: SlipPhotos;
}

@CommandHandler(RecordAssistedBallot)
export class RecordAssistedBallotHandler implements ICommandHandler<RecordAssistedBallot, AssistedReceipt> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
    @Inject(CONSENT_CODES) private readonly codes: ConsentCodes,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
    @Inject(SLIP_PHOTOS) private readonly photos: SlipPhotos,
  ) {}

  async execute({ topicId, residentId, optionId, consent: presented, assistant }: RecordAssistedBallot): Promise<AssistedReceipt> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    // Every refusal before anything is written: a real verified resident, consent, who may assist, the roll, a ballot already cast.
    const { resident, consent } = await consentingResident({ codes: this.codes, register: this.register, photos: this.photos }, assistant, residentId, presented);
    assertMayAssist(assistant, resident);
    const voter: Caller = { subject: residentId, roles: ['resident'], scope: { communityId: resident.communityId ?? undefined, gridId: resident.gridId ?? undefined }, verification: resident.verification };
    const { events } = await eventStore.readStream(topicStreamId(topicId));
    assertMayVote(fold(topicDecider, events.map((e) => toDomainEvent<TopicEvent>(e))), voter, optionId, now);
    const roll = await eventStore.readStream(voterStreamId(topicId, residentId));
    if (fold(voterRollDecider, roll.events.map((e) => toDomainEvent(e) as never)).voted) {
      throw new DomainError('ASSISTED.ALREADY_VOTED', 'the resident has a ballot in this vote already; only they may change it');
    }
    const assisted = await eventStore.readStream(assistedStreamId(residentId));
    const ballotId = uuidv7(now.getTime());
    assistedDecider.decide(
      { type: 'RecordAssistedBallot', data: { topicId, residentId, ballotId, consent } },
      fold(assistedDecider, assisted.events.map((e) => toDomainEvent(e) as never)),
      { now, actor: metadataFor(assistant, now).actor, caller: assistant },
    );
    await spendConsent({ codes: this.codes, register: this.register, photos: this.photos }, residentId, presented);

    await this.ballotBox.cast(topicId, residentId, [optionId], true);
    const metadata = metadataFor(assistant, now);
    await handleCommand(eventStore, voterRollDecider, voterStreamId(topicId, residentId), { type: 'RecordVoter', data: { boxId: topicId, voterId: residentId, ballotId, assisted: true } }, metadata);
    await handleCommand(eventStore, assistedDecider, assistedStreamId(residentId), { type: 'RecordAssistedBallot', data: { topicId, residentId, ballotId, consent } }, metadata, {
      caller: assistant,
    });
    return { topicId, residentId, status: 'recorded', ballotId };
  }
}

@CommandHandler(WithdrawAssistedBallot)
export class WithdrawAssistedBallotHandler implements ICommandHandler<WithdrawAssistedBallot, { topicId: string; status: 'withdrawn' }> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  async execute({ topicId, resident }: WithdrawAssistedBallot): Promise<{ topicId: string; status: 'withdrawn' }> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    const assisted = await eventStore.readStream(assistedStreamId(resident.subject));
    const state = fold(assistedDecider, assisted.events.map((e) => toDomainEvent(e) as never));
    const metadata = metadataFor(resident, now);
    // Refusals first: nothing recorded for this resident here, or the vote has closed.
    assistedDecider.decide({ type: 'WithdrawAssistedBallot', data: { topicId } }, state, { now, actor: metadata.actor, caller: resident });
    const topic = fold(topicDecider, (await eventStore.readStream(topicStreamId(topicId))).events.map((e) => toDomainEvent<TopicEvent>(e)));
    if (topic.status !== 'Voting' || !topic.voting || now.getTime() >= Date.parse(topic.voting.closesAt)) {
      throw new DomainError('VOTING.CLOSED', 'the vote has closed: the ballot is counted');
    }
    // Only the ballot staff recorded is taken out: one the resident cast themselves since then stays.
    if ((await this.ballotBox.isAssisted(topicId, resident.subject)) !== false) {
      await this.ballotBox.withdraw(topicId, resident.subject);
      await handleCommand(eventStore, voterRollDecider, voterStreamId(topicId, resident.subject), { type: 'WithdrawVoter', data: { boxId: topicId, voterId: resident.subject } }, metadata);
    }
    await handleCommand(eventStore, assistedDecider, assistedStreamId(resident.subject), { type: 'WithdrawAssistedBallot', data: { topicId } }, metadata, { caller: resident });
    return { topicId, status: 'withdrawn' };
  }
}

@CommandHandler(RecordAssistedComment)
export class RecordAssistedCommentHandler implements ICommandHandler<RecordAssistedComment, AssistedReceipt> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(CONSENT_CODES) private readonly codes: ConsentCodes,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
    @Inject(SLIP_PHOTOS) private readonly photos: SlipPhotos,
  ) {}

  async execute({ topicId, residentId, text, consent: presented, assistant }: RecordAssistedComment): Promise<AssistedReceipt> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    const { resident, consent } = await consentingResident({ codes: this.codes, register: this.register, photos: this.photos }, assistant, residentId, presented);
    assertMayAssist(assistant, resident);
    const topic = fold(topicDecider, (await eventStore.readStream(topicStreamId(topicId))).events.map((e) => toDomainEvent<TopicEvent>(e)));
    if (topic.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', `no topic ${topicId}`);
    if (topic.communityId !== resident.communityId) throw new DomainError('ASSISTED.FORBIDDEN', "the topic is not in the resident's community");
    const commentId = uuidv7(now.getTime());
    const assisted = await eventStore.readStream(assistedStreamId(residentId));
    const metadata = metadataFor(assistant, now);
    assistedDecider.decide({ type: 'RecordAssistedComment', data: { topicId, residentId, commentId, consent } }, fold(assistedDecider, assisted.events.map((e) => toDomainEvent(e) as never)), {
      now,
      actor: metadata.actor,
      caller: assistant,
    });
    await spendConsent({ codes: this.codes, register: this.register, photos: this.photos }, residentId, presented);
    const author: Caller = { subject: residentId, roles: ['resident'], scope: { communityId: resident.communityId ?? undefined }, verification: resident.verification };
    await handleCommand(eventStore, commentDecider, commentStreamId(commentId), { type: 'PostComment', data: { commentId, topicId, parentCommentId: null, text } }, metadata, {
      caller: author,
      topicCommunityId: topic.communityId,
    });
    await handleCommand(eventStore, assistedDecider, assistedStreamId(residentId), { type: 'RecordAssistedComment', data: { topicId, residentId, commentId, consent } }, metadata, {
      caller: assistant,
    });
    return { topicId, residentId, status: 'recorded', commentId };
  }
}
