import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { ProjectView } from '../../application/project-commands';
import { StartProject } from './start-project.command';
import { startProjectRequest, type StartProjectRequest } from './start-project.request';

/** Community partners (社区合伙人): residents' projects, their teams, resource requests, activities and income. */
@ApiTags('co-building: projects')
@ApiBearerAuth()
@Controller('api/co-building/projects')
export class StartProjectHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow({ role: 'resident', scope: 'community' })
  @ApiOperation({ summary: 'Start a community project: a title, one line and (by default your own) community are enough' })
  start(@CurrentPrincipal() principal: Principal, @ZodBody(startProjectRequest) body: StartProjectRequest) {
    return this.commands.execute<StartProject, ProjectView>(new StartProject({ principal, project: body }));
  }
}
