import type { PublicEventData } from '@gongzhi/contracts';

// Commands to a case: plain data, decided by case.decider.ts. Look-ups (the category's SLA, whether the
// merge target is open) are done by the handler and passed in, so the decider stays pure.

export type AssigneeKind = 'grid_worker' | 'department';

export interface Assignee {
  readonly kind: AssigneeKind;
  readonly id: string;
  /** The department's id when kind is department. */
  readonly departmentId: string | null;
}

export type ReportCase = {
  readonly type: 'ReportCase';
  readonly data: Omit<PublicEventData<'CaseReported'>, 'reporterId'> & { readonly reporterId: string | null };
};
export type AcceptCase = { readonly type: 'AcceptCase'; readonly data: { readonly categoryCode: string } };
/** Staff of the case's grid name the facility of the grid's register the case is at; the handler checked it is one. */
export type NameFacility = { readonly type: 'NameFacility'; readonly data: { readonly facilityId: string } };
export type RejectCase = { readonly type: 'RejectCase'; readonly data: { readonly reason: string } };
/** 作废: an accepted case found invalid after all (a made-up or not-real problem); its points are reversed. */
export type VoidCase = { readonly type: 'VoidCase'; readonly data: { readonly reason: string } };
export type MergeCase = {
  readonly type: 'MergeCase';
  readonly data: { readonly intoCaseId: string; readonly targetIsOpen: boolean };
};
/**
 * 合并: the department on a dispatched case finds it repeats another case it holds. The handler looks up
 * whether the target is open and whether it is this same department's work.
 */
export type MergeDuplicateCase = {
  readonly type: 'MergeDuplicateCase';
  readonly data: {
    readonly by: Assignee;
    readonly intoCaseId: string;
    readonly targetIsOpen: boolean;
    readonly targetHeldByDepartment: boolean;
  };
};
export type DispatchCase = {
  readonly type: 'DispatchCase';
  readonly data: { readonly assignee: Assignee; readonly acknowledgeWithinHours: number; readonly resolveWithinHours: number };
};
export type DeclineAssignment = {
  readonly type: 'DeclineAssignment';
  readonly data: { readonly departmentId: string; readonly reason: string; readonly suggestedDepartmentId: string | null };
};
export type AcknowledgeCase = { readonly type: 'AcknowledgeCase'; readonly data: { readonly by: Assignee } };
export type ResolveCase = {
  readonly type: 'ResolveCase';
  readonly data: {
    readonly by: Assignee;
    readonly notes: string;
    readonly afterPhotoIds: readonly string[];
    readonly confirmWithinHours: number;
  };
};
export type ConfirmResolution = {
  readonly type: 'ConfirmResolution';
  readonly data: { readonly evaluationRequired: boolean; readonly evaluateWithinHours: number };
};
/** The assignee gets the category's resolve SLA again, counted from the reopening. */
export type ReopenCase = { readonly type: 'ReopenCase'; readonly data: { readonly reason: string; readonly resolveWithinHours: number } };
export type EvaluateCase = { readonly type: 'EvaluateCase'; readonly data: { readonly score: number; readonly comment: string | null } };
/** Fired by the scheduler at the auto-close time set when the case was resolved or confirmed. */
export type CloseUnanswered = { readonly type: 'CloseUnanswered'; readonly data: { readonly dueAt: string } };
export type MarkAcknowledgeOverdue = {
  readonly type: 'MarkAcknowledgeOverdue';
  readonly data: { readonly dueAt: string; readonly leadDepartmentId: string };
};
export type MarkResolutionOverdue = {
  readonly type: 'MarkResolutionOverdue';
  readonly data: { readonly dueAt: string; readonly leadDepartmentId: string };
};
/**
 * The whistle on the case (吹哨报到, department-dispatch) was resolved: every summoned department finished its
 * task. The case is resolved from the joint handling, whoever it was dispatched to (if anyone).
 */
export type ResolveByWhistle = {
  readonly type: 'ResolveByWhistle';
  readonly data: {
    readonly whistleId: string;
    /** The street that blew the whistle: it must be the case's own street. */
    readonly streetId: string;
    readonly notes: string;
    readonly afterPhotoIds: readonly string[];
    readonly confirmWithinHours: number;
  };
};
export type EscalateCase = {
  readonly type: 'EscalateCase';
  readonly data: { readonly departmentIds: readonly string[]; readonly note: string | null };
};

export type CaseCommand =
  | ReportCase
  | NameFacility
  | AcceptCase
  | RejectCase
  | VoidCase
  | MergeCase
  | MergeDuplicateCase
  | DispatchCase
  | DeclineAssignment
  | AcknowledgeCase
  | ResolveCase
  | ConfirmResolution
  | ReopenCase
  | EvaluateCase
  | CloseUnanswered
  | MarkAcknowledgeOverdue
  | MarkResolutionOverdue
  | EscalateCase
  | ResolveByWhistle;
