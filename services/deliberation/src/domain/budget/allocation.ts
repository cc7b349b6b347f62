import type { PreviousYearEvaluations } from './budget.commands';
import type { BudgetPool } from './budget.state';

/**
 * 群众评单 feeds next year's allocation: the base amount times a factor of the mean evaluation score,
 * 1 + (mean − 3) × 0.1, so a mean of 5 gives 120 %, 3 gives 100 %, 1 gives 80 %. A year without any
 * evaluation keeps the base (factor 1): no evidence is not bad evidence.
 */
export const ALLOCATION_FACTOR = { perPoint: 0.1, neutralScore: 3, min: 0.8, max: 1.2 } as const;

const round2 = (value: number) => Math.round(value * 100) / 100;

export interface AllocationSuggestion {
  readonly baseAmountYuan: number;
  readonly allocationFactor: number;
  readonly suggestedAmountYuan: number;
  readonly previousYearSatisfaction: number | null;
  readonly previousYearEvaluations: number;
}

export function suggestAllocation(baseAmountYuan: number, previous: PreviousYearEvaluations): AllocationSuggestion {
  const satisfaction = previous.evaluations > 0 ? previous.satisfaction : null;
  const raw = satisfaction === null ? 1 : 1 + (satisfaction - ALLOCATION_FACTOR.neutralScore) * ALLOCATION_FACTOR.perPoint;
  const allocationFactor = round2(Math.min(ALLOCATION_FACTOR.max, Math.max(ALLOCATION_FACTOR.min, raw)));
  return {
    baseAmountYuan,
    allocationFactor,
    suggestedAmountYuan: Math.round(baseAmountYuan * allocationFactor),
    previousYearSatisfaction: satisfaction,
    previousYearEvaluations: satisfaction === null ? 0 : previous.evaluations,
  };
}

/** The mean score of every evaluation of every project of a pool (each resident's 评单 counts once). */
export function evaluationsOf(pool: BudgetPool | null): PreviousYearEvaluations {
  const scores = (pool?.projects ?? []).flatMap((p) => p.evaluations.map((e) => e.score));
  if (scores.length === 0) return { satisfaction: null, evaluations: 0 };
  return { satisfaction: round2(scores.reduce((s, x) => s + x, 0) / scores.length), evaluations: scores.length };
}

export interface FundingCandidate {
  readonly projectId: string;
  readonly costYuan: number;
  readonly votes: number;
}

/**
 * The funding rule (greedy knapsack by approvals): candidates in order of approvals, ties broken by the
 * lower cost, then by the earlier match; each is funded if it still fits in what is left of the pool,
 * otherwise skipped (a cheaper project further down may still fit). No approvals, no funding.
 */
export function fundProjects(candidates: readonly FundingCandidate[], poolYuan: number) {
  const ranked = candidates
    .map((c, order) => ({ ...c, order }))
    .sort((a, b) => b.votes - a.votes || a.costYuan - b.costYuan || a.order - b.order);
  let remainingYuan = poolYuan;
  const fundedProjectIds: string[] = [];
  const unfunded: { projectId: string; reason: 'no_votes' | 'over_remaining_budget' }[] = [];
  for (const candidate of ranked) {
    if (candidate.votes === 0) unfunded.push({ projectId: candidate.projectId, reason: 'no_votes' });
    else if (candidate.costYuan > remainingYuan) unfunded.push({ projectId: candidate.projectId, reason: 'over_remaining_budget' });
    else {
      fundedProjectIds.push(candidate.projectId);
      remainingYuan -= candidate.costYuan;
    }
  }
  return { fundedProjectIds, fundedTotalYuan: poolYuan - remainingYuan, remainingYuan, unfunded };
}
