import type { RaiseEarlyWarning } from './early-warning.decider';

// The three patterns the essay asks to see coming (预警), as pure rules over what the policy has read. Each rule
// names its thresholds here, so a city can read (and argue) exactly when a warning is raised.

const DAY_MS = 86_400_000;

/** A problem keeps coming back at one place: the same category this near, this often, within this many days. */
export const REPEAT = { radiusMetres: 150, withinDays: 28, atLeast: 3 } as const;
/** A department that keeps missing whistle check-ins. */
export const CHECK_IN_MISSES = { withinDays: 30, atLeast: 3 } as const;
/** An assignment is judged by the department's recent pace: at least this many completions to learn from. */
export const SLA_RISK = { historyDays: 30, minimumHistory: 3 } as const;

export interface ReportedPlace {
  readonly caseId: string;
  readonly categoryCode: string;
  readonly lat: number;
  readonly long: number;
  readonly reportedAt: string;
  readonly streetId: string;
  readonly communityId: string;
  readonly gridId: string;
}

export function distanceMetres(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/**
 * The same category reported `atLeast` times within the radius and the window, this report included. The warning's
 * id is the earliest such case's, so the cluster raises one warning however many more reports it gathers.
 */
export function repeatProblem(reported: ReportedPlace, earlier: readonly ReportedPlace[]): RaiseEarlyWarning | null {
  const since = Date.parse(reported.reportedAt) - REPEAT.withinDays * DAY_MS;
  const cluster = earlier
    .filter((p) => p.caseId !== reported.caseId && p.categoryCode === reported.categoryCode)
    .filter((p) => Date.parse(p.reportedAt) >= since && Date.parse(p.reportedAt) <= Date.parse(reported.reportedAt))
    .filter((p) => distanceMetres(p, reported) <= REPEAT.radiusMetres)
    .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt) || a.caseId.localeCompare(b.caseId));
  const count = cluster.length + 1;
  if (count < REPEAT.atLeast) return null;
  return {
    type: 'RaiseEarlyWarning',
    data: {
      warningId: `repeat-${cluster[0].caseId}`,
      kind: 'repeat_problem',
      streetId: reported.streetId,
      communityId: reported.communityId,
      gridId: reported.gridId,
      departmentId: null,
      categoryCode: reported.categoryCode,
      subjectIds: [...cluster.map((p) => p.caseId), reported.caseId],
      reason: {
        zh: `同一地点 ${REPEAT.radiusMetres} 米内，${REPEAT.withinDays} 天里已是第 ${count} 次反映同类问题：问题在反复出现，建议查找根源，而不是一件件处理。`,
        en: `The ${ordinal(count)} report of the same kind within ${REPEAT.radiusMetres} m in ${REPEAT.withinDays} days: the problem keeps coming back; look for its cause rather than handling each report.`,
      },
    },
  };
}

export interface MissedCheckIn {
  readonly whistleId: string;
  readonly missedAt: string;
}

/** A department that missed `atLeast` whistle check-ins within the window; one warning per run of misses. */
export function checkInMisses(
  department: { id: string; name: { zh: string; en: string } },
  misses: readonly MissedCheckIn[],
  now: Date,
  streetId: string | null,
): RaiseEarlyWarning | null {
  const since = now.getTime() - CHECK_IN_MISSES.withinDays * DAY_MS;
  const recent = misses.filter((m) => Date.parse(m.missedAt) >= since).sort((a, b) => a.missedAt.localeCompare(b.missedAt));
  if (recent.length < CHECK_IN_MISSES.atLeast) return null;
  return {
    type: 'RaiseEarlyWarning',
    data: {
      warningId: `check-in-misses-${department.id}-${recent[0].whistleId}`,
      kind: 'check_in_misses',
      streetId,
      communityId: null,
      gridId: null,
      departmentId: department.id,
      categoryCode: null,
      subjectIds: recent.map((m) => m.whistleId),
      reason: {
        zh: `${department.name.zh}近 ${CHECK_IN_MISSES.withinDays} 天已有 ${recent.length} 次吹哨没有按时报到。`,
        en: `${department.name.en} missed ${recent.length} whistle check-ins in the last ${CHECK_IN_MISSES.withinDays} days.`,
      },
    },
  };
}

export interface NewAssignment {
  readonly assignmentId: string;
  readonly caseId: string;
  readonly departmentId: string;
  readonly categoryCode: string;
  readonly streetId: string | null;
  readonly resolveBy: string;
}

/**
 * An assignment the department is unlikely to finish in time, judged by its recent pace: the median time it took
 * to complete assignments lately, stretched by the work already waiting ahead of this one (each open assignment
 * adds a tenth). With too little history there is no judgement.
 */
export function slaRisk(
  assignment: NewAssignment,
  department: { name: { zh: string; en: string } },
  openAhead: number,
  recentResolveHours: readonly number[],
  now: Date,
): RaiseEarlyWarning | null {
  if (recentResolveHours.length < SLA_RISK.minimumHistory) return null;
  const median = medianOf(recentResolveHours);
  const expectedHours = median * (1 + openAhead / 10);
  const leftHours = (Date.parse(assignment.resolveBy) - now.getTime()) / 3_600_000;
  if (expectedHours <= leftHours) return null;
  const h = (n: number) => Math.round(n * 10) / 10;
  return {
    type: 'RaiseEarlyWarning',
    data: {
      warningId: `sla-risk-${assignment.assignmentId}`,
      kind: 'sla_risk',
      streetId: assignment.streetId,
      communityId: null,
      gridId: null,
      departmentId: assignment.departmentId,
      categoryCode: assignment.categoryCode,
      subjectIds: [assignment.caseId],
      reason: {
        zh: `${department.name.zh}手上还有 ${openAhead} 件未办完，近 ${SLA_RISK.historyDays} 天办结一件的中位用时 ${h(median)} 小时；这件离办结时限只剩 ${h(leftHours)} 小时，可能超时。`,
        en: `${department.name.en} has ${openAhead} open assignments and took a median of ${h(median)} hours to complete one in the last ${SLA_RISK.historyDays} days; this one is due in ${h(leftHours)} hours and may be late.`,
      },
    },
  };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}
