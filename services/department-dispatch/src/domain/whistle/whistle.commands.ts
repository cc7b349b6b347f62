import type { EscalationDelays, EscalationLevel } from './escalation';

// Commands to a whistle: plain data, decided by whistle.decider.ts. Who acts (department, street) and the
// department registry come in the decision context, so the decider stays pure.

export interface BlowWhistle {
  readonly type: 'BlowWhistle';
  readonly data: {
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
  };
}

/** By the acting staff member, for their own department. */
export interface CheckIn {
  readonly type: 'CheckIn';
  /** `madeAt`: when a check-in queued offline was made on the device (see offline-check-in.ts). */
  readonly data: { readonly departmentId: string; readonly madeAt?: string };
}

/** Fired by a durable timer: one step of a department's escalation chain. */
export interface EscalateCheckIn {
  readonly type: 'EscalateCheckIn';
  readonly data: { readonly departmentId: string; readonly level: EscalationLevel };
}

export interface CompleteTask {
  readonly type: 'CompleteTask';
  readonly data: { readonly departmentId: string; readonly notes: string; readonly photoIds: readonly string[] };
}

/** Fired by a durable timer at a task's deadline. */
export interface MarkTaskOverdue {
  readonly type: 'MarkTaskOverdue';
  readonly data: { readonly departmentId: string };
}

export interface EvaluateDepartment {
  readonly type: 'EvaluateDepartment';
  readonly data: {
    readonly departmentId: string;
    readonly score: number;
    readonly comment: string | null;
    readonly by: 'street' | 'resident';
  };
}

export type WhistleCommand = BlowWhistle | CheckIn | EscalateCheckIn | CompleteTask | MarkTaskOverdue | EvaluateDepartment;
