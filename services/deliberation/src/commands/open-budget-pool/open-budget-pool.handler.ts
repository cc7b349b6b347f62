import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { evaluationsOf } from '../../domain/budget/allocation';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { BudgetCommands, poolOrNull } from '../../application/budget-commands';
import { OpenBudgetPool } from './open-budget-pool.command';

/** 群众评单 feeds the next allocation: the pool of the year before is looked up here, so the decider stays pure. */
@CommandHandler(OpenBudgetPool)
export class OpenBudgetPoolHandler implements ICommandHandler<OpenBudgetPool, { poolId: string }> {
  constructor(private readonly pools: BudgetCommands) {}

  async execute({ data: { caller, request } }: OpenBudgetPool): Promise<{ poolId: string }> {
    const communityId = request.communityId ?? caller.scope.communityId;
    if (!communityId) throw new DomainError('BUDGET.COMMUNITY_REQUIRED', 'name the community of the pool', { field: 'communityId' });
    const { year, baseAmountYuan, amountYuan } = request;
    const previousYear = evaluationsOf(poolOrNull(await this.pools.load(communityId, year - 1)));
    await this.pools.execute(
      communityId,
      year,
      { type: 'OpenPool', data: { communityId, year, baseAmountYuan, amountYuan, previousYear } },
      caller,
    );
    return { poolId: budgetStreamId(communityId, year) };
  }
}
