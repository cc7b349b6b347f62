import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { BudgetCommands } from '../../application/budget-commands';
import { CompleteProject } from './complete-project.command';

@CommandHandler(CompleteProject)
export class CompleteProjectHandler implements ICommandHandler<CompleteProject, { poolId: string }> {
  constructor(private readonly pools: BudgetCommands) {}

  async execute({ data: { communityId, year, projectId, caller, request } }: CompleteProject): Promise<{ poolId: string }> {
    await this.pools.execute(communityId, year, { type: 'CompleteProject', data: { projectId, ...request } }, caller);
    return { poolId: budgetStreamId(communityId, year) };
  }
}
