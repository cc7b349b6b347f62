import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertInScope } from '@gongzhi/identity';
import { ProjectCommands, type ProjectView } from '../../application/project-commands';
import { StartProject } from './start-project.command';

/** In the resident's own community unless they name another, which must be theirs too. */
@CommandHandler(StartProject)
export class StartProjectHandler implements ICommandHandler<StartProject, ProjectView> {
  constructor(private readonly projects: ProjectCommands) {}

  execute({ data: { principal, project } }: StartProject): Promise<ProjectView> {
    const communityId = project.communityId ?? principal.scope.communityId!;
    assertInScope(principal, 'community', communityId);
    const projectId = this.projects.newId();
    const { title, summary, category, openTo } = project;
    return this.projects.execute(
      projectId,
      { type: 'StartProject', data: { projectId, communityId, title, summary, category, openTo } },
      principal,
    );
  }
}
