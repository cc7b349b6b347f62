import type { EscalationDelays, EscalationLevel } from './escalation';

export interface BlowWhistle {
  readonly type: 'BlowWhistle';
  readonly whistleId: string;
  readonly caseId: string | null;
  readonly categoryCode: string | null;
  readonly cityId: string;
  readonly districtId: string;
  readonly streetId: string;
  readonly title: string;
  readonly description: string;
  readonly departmentIds: readonly string[];
  readonly leadDepartmentId: string;
  readonly checkInWithinMinutes: number;
  readonly escalationDelaysMinutes: EscalationDelays;
  readonly taskWithinHours: Readonly<Record<string, number>>;
}

/** By the acting staff member, for their own department. */
export interface CheckIn {
  readonly type: 'CheckIn';
  readonly departmentId: string;
}

/** Fired by a durable timer: one step of a department's escalation chain. */
export interface EscalateCheckIn {
  readonly type: 'EscalateCheckIn';
  readonly departmentId: string;
  readonly level: EscalationLevel;
}

export interface CompleteTask {
  readonly type: 'CompleteTask';
  readonly departmentId: string;
  readonly notes: string;
  readonly photoIds: readonly string[];
}

/** Fired by a durable timer at a task's deadline. */
export interface MarkTaskOverdue {
  readonly type: 'MarkTaskOverdue';
  readonly departmentId: string;
}

export interface EvaluateDepartment {
  readonly type: 'EvaluateDepartment';
  readonly departmentId: string;
  readonly score: number;
  readonly comment: string | null;
  readonly by: 'street' | 'resident';
}

export type WhistleCommand = BlowWhistle | CheckIn | EscalateCheckIn | CompleteTask | MarkTaskOverdue | EvaluateDepartment;
