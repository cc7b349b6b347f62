export interface CreateAssignment {
  readonly type: 'CreateAssignment';
  readonly assignmentId: string;
  readonly caseId: string;
  readonly departmentId: string;
  readonly categoryCode: string;
  readonly streetId: string | null;
  readonly acknowledgeBy: string;
  readonly resolveBy: string;
}

export interface AcknowledgeAssignment {
  readonly type: 'AcknowledgeAssignment';
}

export interface ReportAssignmentProgress {
  readonly type: 'ReportAssignmentProgress';
  readonly note: string;
  readonly photoIds: readonly string[];
}

export interface CompleteAssignment {
  readonly type: 'CompleteAssignment';
  readonly notes: string;
  readonly afterPhotoIds: readonly string[];
}

export interface DeclineAssignment {
  readonly type: 'DeclineAssignment';
  readonly kind: 'declined' | 'reassignment_requested';
  readonly reason: string;
  readonly suggestedDepartmentId: string | null;
}

export type AssignmentCommand =
  | CreateAssignment
  | AcknowledgeAssignment
  | ReportAssignmentProgress
  | CompleteAssignment
  | DeclineAssignment;
