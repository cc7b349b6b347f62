import { Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { budgetYear } from './budget-pool-key';
import * as requests from './budget.requests';
import { CastBudgetBallot, type BudgetBallotReceipt } from './cast-budget-ballot.handler';
import { CloseBudgetVoting } from './close-budget-voting.handler';
import { RunBudgetCommand, type BudgetRequest } from './run-budget-command.handler';

const OFFICERS = ['community_officer', 'street_officer', 'admin'] as const;
const REPORTERS = ['supervisor', ...OFFICERS] as const;
type Body<S extends z.ZodType> = z.output<S>;

/** 民生微实事: a pool per community and year — 居民点单, 政府配单, a secret vote within the pool, 群众评单. */
@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class BudgetHttpController {
  constructor(private readonly commands: CommandBus) {}

  private async run(communityId: string, year: number, command: BudgetRequest, principal: Principal) {
    await this.commands.execute(new RunBudgetCommand(communityId, year, command, principal));
    return { poolId: budgetStreamId(communityId, year) };
  }

  @Post()
  @Allow(...OFFICERS)
  @ApiOperation({ summary: "Open a community's budget pool for a year; last year's evaluations suggest the amount" })
  async open(@CurrentPrincipal() p: Principal, @ZodBody(requests.openPoolRequest) body: Body<typeof requests.openPoolRequest>) {
    const communityId = body.communityId ?? p.scope.communityId;
    if (!communityId) throw new DomainError('BUDGET.COMMUNITY_REQUIRED', 'name the community of the pool', { field: 'communityId' });
    const { year, baseAmountYuan, amountYuan } = body;
    return this.run(communityId, year, { type: 'OpenPool', data: { communityId, year, baseAmountYuan, amountYuan } }, p);
  }

  @Post(':communityId/:year/needs')
  @Allow({ role: 'resident', scope: 'community' })
  @ApiOperation({ summary: 'Order a need (居民点单); one resident may order several, optionally anonymous in public' })
  async order(@Param('communityId') communityId: string, @Param('year') year: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.orderNeedRequest) body: Body<typeof requests.orderNeedRequest>) {
    const needId = uuidv7();
    const answer = await this.run(communityId, budgetYear(year), { type: 'OrderNeed', data: { needId, ...body } }, p);
    return { ...answer, needId };
  }

  @Post(':communityId/:year/needs/:needId/match')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: 'Match a need with a provider and a cost in whole yuan (政府配单): it becomes a candidate project' })
  async match(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @Param('needId') needId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(requests.matchNeedRequest) body: Body<typeof requests.matchNeedRequest>,
  ) {
    const projectId = uuidv7();
    const answer = await this.run(communityId, budgetYear(year), { type: 'MatchNeed', data: { needId, projectId, ...body } }, p);
    return { ...answer, projectId };
  }

  @Post(':communityId/:year/voting')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: "Open the secret approval vote on the candidate projects for 3–7 days; the roll is the community's verified residents now" })
  openVoting(@Param('communityId') communityId: string, @Param('year') year: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.openBudgetVotingRequest) body: Body<typeof requests.openBudgetVotingRequest>) {
    return this.run(communityId, budgetYear(year), { type: 'OpenBudgetVoting', data: { method: body.method, closesAt: body.closesAt } }, p);
  }

  @Put(':communityId/:year/ballot')
  @Idempotent()
  @Allow('resident')
  @ApiOperation({ summary: 'Cast or change my secret approval ballot; under knapsack voting the selection may cost at most the pool' })
  ballot(@Param('communityId') communityId: string, @Param('year') year: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.budgetBallotRequest) body: Body<typeof requests.budgetBallotRequest>): Promise<BudgetBallotReceipt> {
    return this.commands.execute(new CastBudgetBallot(communityId, budgetYear(year), body.projectIds, p));
  }

  @Post(':communityId/:year/voting/close')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: 'Close the vote after its window (the deadline also closes it): fund greedily by approvals within the pool' })
  async close(@Param('communityId') communityId: string, @Param('year') year: string, @CurrentPrincipal() p: Principal) {
    const y = budgetYear(year);
    await this.commands.execute(new CloseBudgetVoting(communityId, y, p));
    return { poolId: budgetStreamId(communityId, y) };
  }

  @Post(':communityId/:year/projects/:projectId/progress')
  @Allow(...REPORTERS)
  @ApiOperation({ summary: 'Post progress of a funded project, with photos' })
  progress(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @Param('projectId') projectId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(requests.projectProgressRequest) body: Body<typeof requests.projectProgressRequest>,
  ) {
    return this.run(communityId, budgetYear(year), { type: 'ReportProjectProgress', data: { projectId, ...body } }, p);
  }

  @Post(':communityId/:year/projects/:projectId/completion')
  @HttpCode(200)
  @Allow(...REPORTERS)
  @ApiOperation({ summary: 'Mark a funded project completed; residents may then evaluate it' })
  complete(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @Param('projectId') projectId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(requests.completeProjectRequest) body: Body<typeof requests.completeProjectRequest>,
  ) {
    return this.run(communityId, budgetYear(year), { type: 'CompleteProject', data: { projectId, ...body } }, p);
  }

  @Post(':communityId/:year/projects/:projectId/evaluations')
  @Allow('resident')
  @ApiOperation({ summary: "Evaluate a completed project (群众评单, 1–5 + comment), once; feeds next year's allocation" })
  evaluate(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @Param('projectId') projectId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(requests.evaluateProjectRequest) body: Body<typeof requests.evaluateProjectRequest>,
  ) {
    return this.run(communityId, budgetYear(year), { type: 'EvaluateProject', data: { projectId, ...body } }, p);
  }
}
