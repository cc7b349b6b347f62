import type { CheckInProgress, EscalationDelays } from './escalation';

export type TaskProgress =
  | { readonly state: 'not_started' }
  | { readonly state: 'open'; readonly dueBy: string; readonly overdue: boolean }
  | { readonly state: 'done'; readonly dueBy: string; readonly notes: string; readonly photoIds: readonly string[] };

/** One summoned department: its check-in (with its escalation chain), its task, who evaluated it. */
export interface SummonedDepartment {
  readonly departmentId: string;
  readonly lead: boolean;
  readonly checkIn: CheckInProgress;
  readonly taskWithinHours: number;
  readonly task: TaskProgress;
  /** 'street', or 'resident:<id>' per resident. */
  readonly evaluatedBy: readonly string[];
}

export interface WhistleFacts {
  readonly whistleId: string;
  readonly caseId: string | null;
  readonly title: string;
  readonly cityId: string;
  readonly districtId: string;
  readonly streetId: string;
  readonly blownAt: string;
  readonly checkInBy: string;
  readonly escalationDelays: EscalationDelays;
  /** In the order they were summoned. */
  readonly departmentIds: readonly string[];
  readonly departments: Readonly<Record<string, SummonedDepartment>>;
}

export type WhistleState = { readonly status: 'None' } | ({ readonly status: 'Summoned' | 'Resolved' } & WhistleFacts);

export type OpenWhistle = Exclude<WhistleState, { status: 'None' }>;
