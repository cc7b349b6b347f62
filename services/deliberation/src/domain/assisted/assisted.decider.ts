import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { authorityCovers } from '@gongzhi/identity';
import { type Caller } from '../caller';
import type { ContractDomainEvent } from '@gongzhi/contracts';

/**
 * Assisted participation (入户走访): what staff recorded for one resident who cannot use the app, with the
 * resident's consent. Stream assisted-<residentId>. Never the choice of a ballot: that is only in the box.
 */
export type Consent = { readonly method: 'one_time_code'; readonly slipPhotoId: null } | { readonly method: 'signed_slip'; readonly slipPhotoId: string };

export type AssistedCommand =
  | { type: 'RecordAssistedBallot'; data: { topicId: string; residentId: string; ballotId: string; consent: Consent } }
  | { type: 'WithdrawAssistedBallot'; data: { topicId: string } }
  | { type: 'RecordAssistedComment'; data: { topicId: string; residentId: string; commentId: string; consent: Consent } };

export type AssistedEvent = ContractDomainEvent<'AssistedBallotRecorded'> | ContractDomainEvent<'AssistedBallotWithdrawn'> | ContractDomainEvent<'AssistedCommentRecorded'>;

export interface AssistedBallotRecord {
  readonly topicId: string;
  readonly ballotId: string;
  readonly assistantId: string;
  readonly consent: Consent;
  readonly withdrawn: boolean;
}

export interface AssistedState {
  readonly residentId: string | null;
  readonly ballots: readonly AssistedBallotRecord[];
  readonly comments: readonly { readonly topicId: string; readonly commentId: string; readonly assistantId: string }[];
}

export interface AssistedContext extends DecisionContext {
  readonly caller: Caller;
}

/** Where the resident lives, as their consent code or the assisting staff's own scope says. */
export interface ResidentPlace {
  readonly communityId: string | null;
  readonly gridId: string | null;
}

/** Only a grid worker of the resident's grid, or an officer of the resident's community, may assist. */
export function assertMayAssist(caller: Caller, place: ResidentPlace): void {
  // The shared helper, so an assistant's patch is judged like every other authority (unknown levels never match).
  const residentPlace = { communityId: place.communityId ?? undefined, gridId: place.gridId ?? undefined };
  if (authorityCovers(caller, residentPlace, ['grid_worker', 'community_officer'])) return;
  throw new DomainError('ASSISTED.FORBIDDEN', "only a grid worker of the resident's grid or an officer of their community may record for them", {
    communityId: place.communityId,
    gridId: place.gridId,
  });
}

function assertConsent(consent: Consent): void {
  if (consent.method === 'signed_slip' && !consent.slipPhotoId?.trim()) {
    throw new DomainError('ASSISTED.CONSENT_REQUIRED', 'consent.slipPhotoId: a photo of the signed consent slip is required', { field: 'consent.slipPhotoId' });
  }
}

const assistantRole = (caller: Caller) => (caller.roles.includes('grid_worker') ? 'grid_worker' : 'community_officer');

function decide(command: AssistedCommand, state: AssistedState, { caller }: AssistedContext): AssistedEvent[] {
  switch (command.type) {
    case 'RecordAssistedBallot': {
      const { topicId, residentId, ballotId, consent } = command.data;
      if (caller.subject === residentId) throw new DomainError('ASSISTED.FORBIDDEN', 'staff cannot assist themselves');
      assertConsent(consent);
      if (state.ballots.some((b) => b.topicId === topicId && !b.withdrawn)) {
        throw new DomainError('ASSISTED.ALREADY_RECORDED', 'a ballot was already recorded for this resident on this topic: they may withdraw it first');
      }
      return [{ type: 'AssistedBallotRecorded', data: { topicId, residentId, ballotId, assistantId: caller.subject, assistantRole: assistantRole(caller), consent: { ...consent } } }];
    }
    case 'WithdrawAssistedBallot': {
      if (state.residentId !== caller.subject) throw new DomainError('ASSISTED.NOT_FOUND', 'nothing was recorded for you on this topic');
      const record = state.ballots.find((b) => b.topicId === command.data.topicId && !b.withdrawn);
      if (!record) throw new DomainError('ASSISTED.NOT_FOUND', 'nothing was recorded for you on this topic');
      return [{ type: 'AssistedBallotWithdrawn', data: { topicId: record.topicId, residentId: caller.subject, ballotId: record.ballotId } }];
    }
    case 'RecordAssistedComment': {
      const { topicId, residentId, commentId, consent } = command.data;
      if (caller.subject === residentId) throw new DomainError('ASSISTED.FORBIDDEN', 'staff cannot assist themselves');
      assertConsent(consent);
      return [{ type: 'AssistedCommentRecorded', data: { topicId, residentId, commentId, assistantId: caller.subject, assistantRole: assistantRole(caller), consent: { ...consent } } }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

function evolve(state: AssistedState, event: AssistedEvent): AssistedState {
  switch (event.type) {
    case 'AssistedBallotRecorded': {
      const { topicId, ballotId, assistantId, consent, residentId } = event.data;
      return { ...state, residentId, ballots: [...state.ballots, { topicId, ballotId, assistantId, consent: consent as Consent, withdrawn: false }] };
    }
    case 'AssistedBallotWithdrawn':
      return { ...state, ballots: state.ballots.map((b) => (b.ballotId === event.data.ballotId ? { ...b, withdrawn: true } : b)) };
    case 'AssistedCommentRecorded': {
      const { topicId, commentId, assistantId, residentId } = event.data;
      return { ...state, residentId, comments: [...state.comments, { topicId, commentId, assistantId }] };
    }
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}

export const assistedDecider: Decider<AssistedState, AssistedCommand, AssistedEvent, AssistedContext> = {
  decide,
  evolve,
  initialState: () => ({ residentId: null, ballots: [], comments: [] }),
};

export const assistedStreamId = (residentId: string) => `assisted-${residentId}`;
