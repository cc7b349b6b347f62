import type { PublicEventData } from '@gongzhi/contracts';

// Commands to an assignment: plain data, decided by assignment.decider.ts. Who acts (the staff member's
// department) comes in the decision context, so the decider stays pure.

export interface CreateAssignment {
  readonly type: 'CreateAssignment';
  readonly data: {
    readonly assignmentId: string;
    readonly caseId: string;
    readonly departmentId: string;
    readonly categoryCode: string;
    readonly streetId: string | null;
    readonly acknowledgeBy: string;
    readonly resolveBy: string;
  };
}

export interface AcknowledgeAssignment {
  readonly type: 'AcknowledgeAssignment';
  readonly data: Record<string, never>;
}

export interface ReportAssignmentProgress {
  readonly type: 'ReportAssignmentProgress';
  readonly data: { readonly note: string; readonly photoIds: readonly string[] };
}

export interface CompleteAssignment {
  readonly type: 'CompleteAssignment';
  readonly data: { readonly notes: string; readonly afterPhotoIds: readonly string[] };
}

export interface DeclineAssignment {
  readonly type: 'DeclineAssignment';
  readonly data: {
    readonly kind: 'declined' | 'reassignment_requested';
    readonly reason: string;
    readonly suggestedDepartmentId: string | null;
  };
}

/** Why the department no longer needs to act on an assignment: the case event that ended its part. */
export type AssignmentWithdrawalReason = PublicEventData<'AssignmentWithdrawn'>['reason'];

/** The platform's own command (a policy over grid-events): staff cannot withdraw an assignment. */
export interface WithdrawAssignment {
  readonly type: 'WithdrawAssignment';
  readonly data: { readonly reason: AssignmentWithdrawalReason };
}

export type AssignmentCommand =
  CreateAssignment | AcknowledgeAssignment | ReportAssignmentProgress | CompleteAssignment | DeclineAssignment | WithdrawAssignment;
