import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { ProjectView } from '../../application/project-commands';
import { ReportActivity } from './report-activity.command';
import { reportActivityRequest, type ReportActivityRequest } from './report-activity.request';

@ApiTags('co-building: projects')
@ApiBearerAuth()
@Controller('api/co-building/projects')
export class ReportActivityHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':projectId/activities')
  @Allow('resident')
  @ApiOperation({ summary: 'Report an activity of the project (team members)' })
  report(
    @Param('projectId') projectId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(reportActivityRequest) body: ReportActivityRequest,
  ) {
    return this.commands.execute<ReportActivity, ProjectView>(new ReportActivity({ principal, projectId, activity: body }));
  }
}
