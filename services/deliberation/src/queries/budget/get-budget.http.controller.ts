import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { evaluationsOf, suggestAllocation } from '../../domain/budget/allocation';
import type { BudgetPool, Project } from '../../domain/budget/budget.state';
import { budgetYear } from '../../http/budget-year';
import { poolOrNull, readBudgetPool } from '../../application/budget-commands';
import { BudgetPoolOpened, BudgetVotingClosed, BudgetVotingOpened } from '@gongzhi/contracts';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';

const allocation = BudgetPoolOpened.schema.pick({
  baseAmountYuan: true,
  allocationFactor: true,
  suggestedAmountYuan: true,
  previousYearSatisfaction: true,
  previousYearEvaluations: true,
});

export const budgetResponse = z.object({
  poolId: z.string(),
  communityId: z.string(),
  year: z.number().int(),
  status: z.enum(['Ordering', 'Voting', 'Closed']),
  amountYuan: z.number(),
  allocation,
  needs: z.array(
    z.object({
      needId: z.string(),
      title: z.string(),
      description: z.string(),
      anonymous: z.boolean(),
      residentId: z.string().nullable(),
      projectId: z.string().nullable(),
    }),
  ),
  voting: BudgetVotingOpened.schema.nullable(),
  result: BudgetVotingClosed.schema.nullable().describe('Counts only'),
  projects: z.array(
    z.object({
      projectId: z.string(),
      needId: z.string(),
      title: z.string(),
      provider: z.string(),
      costYuan: z.number(),
      status: z.enum(['candidate', 'unfunded', 'funded', 'in_progress', 'completed']),
      votes: z.number().int().nullable(),
      unfundedReason: z.string().nullable(),
      progressPercent: z.number(),
      progress: z.array(z.object({ percent: z.number(), note: z.string(), photoIds: z.array(z.string()) })),
      completion: z.object({ summary: z.string(), afterPhotoIds: z.array(z.string()) }).nullable(),
      evaluation: z.object({
        count: z.number().int(),
        average: z.number().nullable(),
        comments: z.array(z.object({ score: z.number(), comment: z.string().nullable() })).describe('Never who gave them'),
      }),
    }),
  ),
  evaluation: z.object({ count: z.number().int(), average: z.number().nullable() }),
  nextYearAllocation: allocation.extend({ year: z.number().int() }),
});

const mean = (scores: readonly number[]) =>
  scores.length ? Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 100) / 100 : null;

function projectView(pool: BudgetPool, project: Project) {
  const votes = pool.result?.tally.find((t) => t.projectId === project.projectId)?.votes ?? null;
  const unfunded = pool.result?.unfunded.find((u) => u.projectId === project.projectId) ?? null;
  const status: 'completed' | 'in_progress' | 'funded' | 'unfunded' | 'candidate' = project.completion
    ? 'completed'
    : project.funded
      ? project.progress.length
        ? 'in_progress'
        : 'funded'
      : pool.result
        ? 'unfunded'
        : 'candidate';
  return {
    projectId: project.projectId,
    needId: project.needId,
    title: project.title,
    provider: project.provider,
    costYuan: project.costYuan,
    status,
    votes,
    unfundedReason: unfunded?.reason ?? null,
    progressPercent: project.progressPercent,
    progress: project.progress,
    completion: project.completion,
    // Evaluations are public (群众评单), but the page lists scores and comments, not who gave them.
    evaluation: {
      count: project.evaluations.length,
      average: mean(project.evaluations.map((e) => e.score)),
      comments: project.evaluations.map(({ score, comment }) => ({ score, comment })),
    },
  };
}

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class GetBudgetHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get(':communityId/:year')
  @ApiOperation({
    summary:
      "A pool: amount and how last year's evaluations set it, needs (anonymous ones without the resident), matches, the vote's result (counts only), projects, evaluations, and next year's suggested allocation",
  })
  @ApiOkFrom(budgetResponse, "The year's pool.")
  async get(@Param('communityId') communityId: string, @Param('year') yearParam: string): Promise<AnswerOf<typeof budgetResponse>> {
    const year = budgetYear(yearParam);
    const pool = poolOrNull(await readBudgetPool(this.infrastructure.eventStore, communityId, year));
    if (!pool) throw new DomainError('BUDGET.NOT_FOUND', `no ${year} budget pool for ${communityId}`);
    const { poolId, status, opening, needs, voting, result } = pool;
    const thisYear = evaluationsOf(pool);
    return {
      poolId,
      communityId,
      year,
      status,
      amountYuan: pool.amountYuan,
      allocation: {
        baseAmountYuan: opening.baseAmountYuan,
        allocationFactor: opening.allocationFactor,
        suggestedAmountYuan: opening.suggestedAmountYuan,
        previousYearSatisfaction: opening.previousYearSatisfaction,
        previousYearEvaluations: opening.previousYearEvaluations,
      },
      needs: needs.map(({ needId, title, description, anonymous, residentId, projectId }) => ({
        needId,
        title,
        description,
        anonymous,
        residentId,
        projectId,
      })),
      voting,
      result,
      projects: pool.projects.map((p) => projectView(pool, p)),
      evaluation: { count: thisYear.evaluations, average: thisYear.satisfaction },
      nextYearAllocation: { year: year + 1, ...suggestAllocation(opening.baseAmountYuan, thisYear) },
    };
  }

  @Get(':communityId/:year/allocation-suggestion')
  @ApiQuery({ name: 'baseAmountYuan', required: false, description: "Whole yuan; defaults to the base amount of the year before's pool" })
  @ApiOperation({ summary: "The amount suggested for a year's pool from the evaluations of the year before (before opening it)" })
  async suggestion(
    @Param('communityId') communityId: string,
    @Param('year') yearParam: string,
    @Query('baseAmountYuan') baseParam?: string,
  ) {
    const year = budgetYear(yearParam);
    const previous = poolOrNull(await readBudgetPool(this.infrastructure.eventStore, communityId, year - 1));
    const base = baseParam === undefined ? (previous?.opening.baseAmountYuan ?? null) : Number(baseParam);
    if (base === null || !Number.isInteger(base) || base < 1) {
      throw new DomainError(
        'BUDGET.BASE_AMOUNT_REQUIRED',
        'give baseAmountYuan as a positive whole number of yuan (no pool the year before to take it from)',
        {
          field: 'baseAmountYuan',
        },
      );
    }
    return { communityId, year, basedOnPoolId: previous?.poolId ?? null, ...suggestAllocation(base, evaluationsOf(previous)) };
  }
}
