import type { PublicEventData } from '@gongzhi/contracts';
import type { Assignee } from './case.commands';

export type CaseStatus =
  | 'Reported'
  | 'Accepted'
  | 'Rejected'
  | 'Merged'
  | 'Dispatched'
  | 'Acknowledged'
  | 'Resolved'
  | 'Confirmed'
  | 'Closed';

/** Statuses at which the loop has ended: nothing but reads is allowed. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['Rejected', 'Merged', 'Closed'];

export interface Assignment extends Assignee {
  readonly acknowledgeBy: string;
  readonly resolveBy: string;
  readonly acknowledgeOverdue: boolean;
  readonly resolutionOverdue: boolean;
}

export interface CaseFacts {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly report: PublicEventData<'CaseReported'>;
  /** The category after triage. */
  readonly categoryCode: string;
  /** Someone who can confirm, reopen and evaluate: a known or anonymous reporter (not an Open311 client). */
  readonly reporterCanAnswer: boolean;
  readonly assignment: Assignment | null;
  readonly resolution: { readonly notes: string; readonly afterPhotoIds: readonly string[] } | null;
  readonly autoCloseAt: string | null;
  readonly evaluation: { readonly score: number; readonly comment: string | null } | null;
  readonly rejectionReason: string | null;
  readonly voidReason: string | null;
  readonly mergedInto: string | null;
  readonly closeReason: PublicEventData<'CaseClosed'>['reason'] | null;
  readonly reopenCount: number;
  readonly escalationCount: number;
}

export type CaseState = { readonly status: 'None' } | CaseFacts;

export const initialCaseState = (): CaseState => ({ status: 'None' });

export function isFinal(state: CaseState): boolean {
  return state.status !== 'None' && FINAL_STATUSES.includes(state.status);
}
