import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommands, type ProjectView } from '../../application/project-commands';
import { ApproveResourceRequest, DeclineResourceRequest } from './decide-resource-request.command';

/** The decider checks that the caller is an officer of the project's own community. */
@CommandHandler(ApproveResourceRequest)
export class ApproveResourceRequestHandler implements ICommandHandler<ApproveResourceRequest, ProjectView> {
  constructor(private readonly projects: ProjectCommands) {}

  execute({ data: { principal, projectId, requestId, note } }: ApproveResourceRequest): Promise<ProjectView> {
    return this.projects.execute(projectId, { type: 'ApproveResourceRequest', data: { requestId, note } }, principal);
  }
}

@CommandHandler(DeclineResourceRequest)
export class DeclineResourceRequestHandler implements ICommandHandler<DeclineResourceRequest, ProjectView> {
  constructor(private readonly projects: ProjectCommands) {}

  execute({ data: { principal, projectId, requestId, reason } }: DeclineResourceRequest): Promise<ProjectView> {
    return this.projects.execute(projectId, { type: 'DeclineResourceRequest', data: { requestId, reason } }, principal);
  }
}
