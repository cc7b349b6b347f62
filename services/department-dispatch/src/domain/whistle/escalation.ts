/**
 * The check-in of one summoned department as a small state machine, like an on-call escalation chain:
 *
 *   awaiting ──deadline──► overdue at street ──delay──► overdue at district ──delay──► overdue at city
 *      │                        │                            │                           │
 *      └────────────────────────┴──────── check-in ──────────┴───────────────────────────┴──► checked in
 *
 * Each step fires at a durable timer; a step that no longer applies (checked in, or already further up)
 * is a no-op, so a timer that fires twice or late changes nothing.
 */
export type EscalationLevel = 'street' | 'district' | 'city';

export type CheckInProgress =
  | { readonly state: 'awaiting'; readonly dueAt: string }
  | { readonly state: 'overdue'; readonly level: EscalationLevel; readonly dueAt: string; readonly nextEscalationAt: string | null }
  | { readonly state: 'checked_in'; readonly at: string; readonly withinDeadline: boolean };

export interface EscalationDelays {
  /** Minutes from the street step to the district step. */
  readonly district: number;
  /** Minutes from the district step to the city step. */
  readonly city: number;
}

const CHAIN: readonly EscalationLevel[] = ['street', 'district', 'city'];

export function levelAbove(level: EscalationLevel): Exclude<EscalationLevel, 'street'> | null {
  const next = CHAIN[CHAIN.indexOf(level) + 1];
  return (next as Exclude<EscalationLevel, 'street'>) ?? null;
}

/** When the step after `level` is due, counted from when `level` was reached (not from when a timer fired). */
export function nextEscalationAt(level: EscalationLevel, reachedAt: string, delays: EscalationDelays): string | null {
  const above = levelAbove(level);
  if (!above) return null;
  return new Date(Date.parse(reachedAt) + delays[above] * 6e4).toISOString();
}

/** Whether the step to `level` applies now: only from the level just below it, and never after a check-in. */
export function canEscalateTo(progress: CheckInProgress, level: EscalationLevel): boolean {
  if (level === 'street') return progress.state === 'awaiting';
  return progress.state === 'overdue' && levelAbove(progress.level) === level;
}
