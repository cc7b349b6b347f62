import type { ContractDomainEvent } from '@gongzhi/contracts';
import type { AgendaItem, CommitmentSpec, Party } from './council.commands';

/**
 * A council meeting (红茶议事会) and the agreement it reaches. Stream meeting-<meetingId>.
 * Scheduled → InSession → Ended; the agreement is drafted in or after the meeting, signed by each of its
 * parties (community, residents' representatives, property company …), then its commitments are tracked:
 * completed, or flagged overdue by their durable deadline.
 */

export interface Commitment extends CommitmentSpec {
  readonly status: 'open' | 'overdue' | 'completed';
  readonly completedAt: string | null;
  readonly late: boolean;
}

export interface Agreement {
  readonly agreementId: string;
  readonly title: string;
  readonly terms: string;
  readonly parties: readonly Party[];
  readonly signatures: readonly { readonly partyId: string; readonly signatoryId: string; readonly signedAt: string }[];
  readonly commitments: readonly Commitment[];
  readonly concludedAt: string | null;
}

export interface Meeting {
  readonly status: 'Scheduled' | 'InSession' | 'Ended';
  readonly meetingId: string;
  readonly communityId: string;
  readonly topicId: string | null;
  readonly title: string;
  readonly scheduledAt: string;
  readonly agenda: readonly AgendaItem[];
  readonly groundRules: readonly string[];
  readonly moderatorId: string;
  readonly convenerId: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly decisions: readonly ContractDomainEvent<'MeetingDecisionRecorded'>['data'][];
  readonly minutes: string | null;
  readonly agreement: Agreement | null;
}

export type MeetingState = { readonly status: 'None' } | Meeting;

export const initialMeetingState = (): MeetingState => ({ status: 'None' });
