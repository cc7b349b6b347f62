import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommands, type ProjectView } from '../../application/project-commands';
import { RequestResource } from './request-resource.command';

@CommandHandler(RequestResource)
export class RequestResourceHandler implements ICommandHandler<RequestResource, ProjectView> {
  constructor(private readonly projects: ProjectCommands) {}

  execute({ data: { principal, projectId, request } }: RequestResource): Promise<ProjectView> {
    const requestId = this.projects.newId();
    return this.projects.execute(projectId, { type: 'RequestResource', data: { requestId, ...request } }, principal, { requestId });
  }
}
