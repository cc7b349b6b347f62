import type { PublicEventData } from '@gongzhi/contracts';
import type { Assignee } from './case.commands';

export type CaseStatus =
  'Reported' | 'Accepted' | 'Rejected' | 'Merged' | 'Dispatched' | 'Acknowledged' | 'Resolved' | 'Confirmed' | 'Closed';

/** Statuses at which the loop has ended: nothing but reads is allowed. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['Rejected', 'Merged', 'Closed'];

export interface Assignment extends Assignee {
  readonly acknowledgeBy: string;
  readonly resolveBy: string;
  readonly acknowledgeOverdue: boolean;
  readonly resolutionOverdue: boolean;
}

export interface Resolution {
  readonly notes: string;
  readonly afterPhotoIds: readonly string[];
}

export type CloseReason = PublicEventData<'CaseClosed'>['reason'];

/** What every case knows, whatever its status; a status may know more (StatusFacts). */
interface CommonFacts {
  readonly caseId: string;
  readonly report: PublicEventData<'CaseReported'>;
  /** The category after triage. */
  readonly categoryCode: string;
  /** Someone who can confirm, reopen and evaluate: a known or anonymous reporter (not an Open311 client). */
  readonly reporterCanAnswer: boolean;
  readonly assignment: Assignment | null;
  readonly resolution: Resolution | null;
  readonly autoCloseAt: string | null;
  readonly evaluation: { readonly score: number; readonly comment: string | null } | null;
  readonly rejectionReason: string | null;
  readonly voidReason: string | null;
  readonly mergedInto: string | null;
  readonly closeReason: CloseReason | null;
  readonly reopenCount: number;
  readonly escalationCount: number;
  /** The facility of the grid's register the case is at: named in the report or later by staff. */
  readonly facilityId: string | null;
}

/** What a status guarantees beyond the common facts: a dispatched case has an assignee, a rejected one a reason … */
interface StatusFacts {
  readonly Reported: object;
  readonly Accepted: object;
  readonly Rejected: { readonly rejectionReason: string };
  readonly Merged: { readonly mergedInto: string };
  readonly Dispatched: { readonly assignment: Assignment };
  readonly Acknowledged: { readonly assignment: Assignment };
  readonly Resolved: { readonly resolution: Resolution };
  readonly Confirmed: object;
  readonly Closed: { readonly closeReason: CloseReason };
}

type FactsAt = { readonly [S in CaseStatus]: Omit<CommonFacts, keyof StatusFacts[S]> & StatusFacts[S] & { readonly status: S } };

/** A case that was reported, typed per status. */
export type CaseFacts = FactsAt[CaseStatus];

/** A case at the given statuses: `CaseIn<'Dispatched'>` has its assignment. */
export type CaseIn<Status extends CaseStatus> = Extract<CaseFacts, { readonly status: Status }>;

export type CaseState = { readonly status: 'None' } | CaseFacts;

export const initialCaseState = (): CaseState => ({ status: 'None' });

export function isFinal(state: CaseState): boolean {
  return state.status !== 'None' && FINAL_STATUSES.includes(state.status);
}
