import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { BudgetCommands } from '../../application/budget-commands';
import { EvaluateProject } from './evaluate-project.command';

@CommandHandler(EvaluateProject)
export class EvaluateProjectHandler implements ICommandHandler<EvaluateProject, { poolId: string }> {
  constructor(private readonly pools: BudgetCommands) {}

  async execute({ data: { communityId, year, projectId, caller, request } }: EvaluateProject): Promise<{ poolId: string }> {
    await this.pools.execute(communityId, year, { type: 'EvaluateProject', data: { projectId, ...request } }, caller);
    return { poolId: budgetStreamId(communityId, year) };
  }
}
