import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { ProjectView } from '../../application/project-commands';
import { RequestResource } from './request-resource.command';
import { requestResourceRequest, type RequestResourceRequest } from './request-resource.request';

@ApiTags('co-building: projects')
@ApiBearerAuth()
@Controller('api/co-building/projects')
export class RequestResourceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':projectId/resource-requests')
  @Allow('resident')
  @ApiOperation({ summary: "Apply for a resource of the community's pool (team members only)" })
  request(
    @Param('projectId') projectId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(requestResourceRequest) body: RequestResourceRequest,
  ) {
    return this.commands.execute<RequestResource, ProjectView>(new RequestResource({ principal, projectId, request: body }));
  }
}
