import type { CouncilEvent } from './council.events';
import type { Agreement, Commitment, MeetingState } from './council.state';

const withCommitment = (agreement: Agreement, commitmentId: string, change: Partial<Commitment>): Agreement => ({
  ...agreement,
  commitments: agreement.commitments.map((c) => (c.commitmentId === commitmentId ? { ...c, ...change } : c)),
});

export function evolveMeeting(state: MeetingState, event: CouncilEvent): MeetingState {
  if (event.type === 'CouncilMeetingScheduled') {
    return { ...event.data, status: 'Scheduled', startedAt: null, endedAt: null, decisions: [], minutes: null, agreement: null };
  }
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'CouncilMeetingStarted':
      return { ...state, status: 'InSession', startedAt: event.data.startedAt };
    case 'MeetingDecisionRecorded':
      return { ...state, decisions: [...state.decisions, event.data] };
    case 'MeetingMinutesRecorded':
      return { ...state, minutes: event.data.minutes };
    case 'CouncilMeetingEnded':
      return { ...state, status: 'Ended', endedAt: event.data.endedAt };
    case 'AgreementDrafted': {
      const { agreementId, title, terms, parties, commitments } = event.data;
      return {
        ...state,
        agreement: {
          agreementId,
          title,
          terms,
          parties,
          signatures: [],
          concludedAt: null,
          commitments: commitments.map((c) => ({ ...c, status: 'open', completedAt: null, late: false })),
        },
      };
    }
    case 'AgreementSigned': {
      const { partyId, signatoryId, signedAt } = event.data;
      return state.agreement
        ? { ...state, agreement: { ...state.agreement, signatures: [...state.agreement.signatures, { partyId, signatoryId, signedAt }] } }
        : state;
    }
    case 'AgreementConcluded':
      return state.agreement ? { ...state, agreement: { ...state.agreement, concludedAt: event.data.concludedAt } } : state;
    case 'CommitmentCompleted':
      return state.agreement
        ? {
            ...state,
            agreement: withCommitment(state.agreement, event.data.commitmentId, {
              status: 'completed',
              completedAt: event.data.completedAt,
              late: event.data.late,
            }),
          }
        : state;
    case 'CommitmentOverdue':
      return state.agreement
        ? { ...state, agreement: withCommitment(state.agreement, event.data.commitmentId, { status: 'overdue' }) }
        : state;
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}
