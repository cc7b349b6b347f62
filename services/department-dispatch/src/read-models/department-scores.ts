import type { EntityManager } from 'typeorm';
import { insertRows } from '@gongzhi/persistence';
import { DepartmentScore, type ScoreCounter } from './department-score.entity';

const SHANGHAI_OFFSET_MS = 8 * 36e5;

/** The month (YYYY-MM) of a moment in the city's time. */
export function cityMonth(at: string): string {
  return new Date(Date.parse(at) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/**
 * Adds to the counters of a department in a street in a month, creating the row when it is the first: one upsert
 * that adds in SQL, with every number a parameter.
 */
export async function addToScore(
  manager: EntityManager,
  key: { departmentId: string; streetId: string | null; month: string },
  increments: Partial<Record<ScoreCounter, number>>,
): Promise<void> {
  const row: Partial<DepartmentScore> = { departmentId: key.departmentId, streetId: key.streetId ?? '(unknown)', month: key.month };
  for (const [counter, by] of Object.entries(increments) as [ScoreCounter, number][]) row[counter] = by;
  await insertRows(manager, DepartmentScore, [row], { onConflict: 'add' });
}

export interface ScoreFigures {
  readonly departmentId: string;
  readonly streetId?: string;
  readonly month?: string;
  readonly whistles: {
    readonly summoned: number;
    readonly checkedIn: number;
    readonly checkInsMissed: number;
    readonly escalations: number;
    readonly averageMinutesToCheckIn: number | null;
    readonly checkedInWithinDeadlinePercent: number | null;
    readonly tasksCompleted: number;
    readonly tasksOverdue: number;
    readonly averageMinutesToResolve: number | null;
    readonly tasksWithinDeadlinePercent: number | null;
  };
  readonly assignments: {
    readonly received: number;
    readonly acknowledged: number;
    readonly averageMinutesToAcknowledge: number | null;
    readonly acknowledgedWithinDeadlinePercent: number | null;
    readonly completed: number;
    readonly averageMinutesToResolve: number | null;
    readonly completedWithinDeadlinePercent: number | null;
    readonly returned: number;
    readonly withdrawn: number;
  };
  readonly evaluations: { readonly count: number; readonly averageScore: number | null };
}

const ratio = (part: number, whole: number, scale = 1) => (whole === 0 ? null : Math.round((part / whole) * scale * 10) / 10);

/** Sums rows (of one department) and derives averages and shares. */
export function scoreFigures(
  rows: readonly DepartmentScore[],
  key: { departmentId: string; streetId?: string; month?: string },
): ScoreFigures {
  const sum = (counter: ScoreCounter) => rows.reduce((total, row) => total + row[counter], 0);
  return {
    ...key,
    whistles: {
      summoned: sum('summoned'),
      checkedIn: sum('checkedIn'),
      checkInsMissed: sum('checkInsMissed'),
      escalations: sum('escalations'),
      averageMinutesToCheckIn: ratio(sum('checkInMinutesTotal'), sum('checkedIn')),
      checkedInWithinDeadlinePercent: ratio(sum('checkedInWithinDeadline'), sum('checkedIn'), 100),
      tasksCompleted: sum('tasksCompleted'),
      tasksOverdue: sum('tasksOverdue'),
      averageMinutesToResolve: ratio(sum('taskResolveMinutesTotal'), sum('tasksCompleted')),
      tasksWithinDeadlinePercent: ratio(sum('tasksWithinDeadline'), sum('tasksCompleted'), 100),
    },
    assignments: {
      received: sum('assignmentsReceived'),
      acknowledged: sum('assignmentsAcknowledged'),
      averageMinutesToAcknowledge: ratio(sum('acknowledgeMinutesTotal'), sum('assignmentsAcknowledged')),
      acknowledgedWithinDeadlinePercent: ratio(sum('acknowledgedWithinDeadline'), sum('assignmentsAcknowledged'), 100),
      completed: sum('assignmentsCompleted'),
      averageMinutesToResolve: ratio(sum('assignmentResolveMinutesTotal'), sum('assignmentsCompleted')),
      completedWithinDeadlinePercent: ratio(sum('completedWithinDeadline'), sum('assignmentsCompleted'), 100),
      returned: sum('assignmentsReturned'),
      withdrawn: sum('assignmentsWithdrawn'),
    },
    evaluations: { count: sum('evaluations'), averageScore: ratio(sum('evaluationScoreTotal'), sum('evaluations')) },
  };
}
