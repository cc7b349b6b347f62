import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommands, type ProjectView } from '../../application/project-commands';
import { ReportActivity } from './report-activity.command';

@CommandHandler(ReportActivity)
export class ReportActivityHandler implements ICommandHandler<ReportActivity, ProjectView> {
  constructor(private readonly projects: ProjectCommands) {}

  execute({ data: { principal, projectId, activity } }: ReportActivity): Promise<ProjectView> {
    const activityId = this.projects.newId();
    return this.projects.execute(projectId, { type: 'ReportActivity', data: { activityId, ...activity } }, principal, { activityId });
  }
}
