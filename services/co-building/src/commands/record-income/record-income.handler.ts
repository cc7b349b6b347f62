import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommands, type ProjectView } from '../../application/project-commands';
import { RecordIncome } from './record-income.command';

/** The split follows the service's configured ratio, handed to the decider; the caller never names it. */
@CommandHandler(RecordIncome)
export class RecordIncomeHandler implements ICommandHandler<RecordIncome, ProjectView> {
  constructor(private readonly projects: ProjectCommands) {}

  execute({ data: { principal, projectId, income } }: RecordIncome): Promise<ProjectView> {
    const incomeId = this.projects.newId();
    return this.projects.execute(projectId, { type: 'RecordIncome', data: { incomeId, ...income } }, principal, { incomeId });
  }
}
