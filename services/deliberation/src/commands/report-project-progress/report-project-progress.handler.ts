import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { BudgetCommands } from '../../application/budget-commands';
import { ReportProjectProgress } from './report-project-progress.command';

@CommandHandler(ReportProjectProgress)
export class ReportProjectProgressHandler implements ICommandHandler<ReportProjectProgress, { poolId: string }> {
  constructor(private readonly pools: BudgetCommands) {}

  async execute({ data: { communityId, year, projectId, caller, request } }: ReportProjectProgress): Promise<{ poolId: string }> {
    await this.pools.execute(communityId, year, { type: 'ReportProjectProgress', data: { projectId, ...request } }, caller);
    return { poolId: budgetStreamId(communityId, year) };
  }
}
