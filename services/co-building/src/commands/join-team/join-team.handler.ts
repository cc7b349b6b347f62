import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommands, type ProjectView } from '../../application/project-commands';
import { JoinTeam } from './join-team.command';

/** The decider checks the joiner's place against the project's reach. */
@CommandHandler(JoinTeam)
export class JoinTeamHandler implements ICommandHandler<JoinTeam, ProjectView> {
  constructor(private readonly projects: ProjectCommands) {}

  execute({ data: { principal, projectId } }: JoinTeam): Promise<ProjectView> {
    return this.projects.execute(projectId, { type: 'JoinTeam', data: {} }, principal);
  }
}
