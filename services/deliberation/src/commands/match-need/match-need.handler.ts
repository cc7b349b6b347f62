import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { BudgetCommands } from '../../application/budget-commands';
import { MatchNeed } from './match-need.command';

@CommandHandler(MatchNeed)
export class MatchNeedHandler implements ICommandHandler<MatchNeed, { poolId: string; projectId: string }> {
  constructor(private readonly pools: BudgetCommands) {}

  async execute({ data: { communityId, year, needId, caller, request } }: MatchNeed): Promise<{ poolId: string; projectId: string }> {
    const now = this.pools.now();
    const projectId = uuidv7(now.getTime());
    await this.pools.execute(communityId, year, { type: 'MatchNeed', data: { needId, projectId, ...request } }, caller, now);
    return { poolId: budgetStreamId(communityId, year), projectId };
  }
}
