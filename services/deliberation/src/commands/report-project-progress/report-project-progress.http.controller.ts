import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { budgetYear } from '../../http/budget-year';
import { ReportProjectProgress } from './report-project-progress.command';
import { reportProjectProgressRequest, type ReportProjectProgressRequest } from './report-project-progress.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class ReportProjectProgressHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/:year/projects/:projectId/progress')
  @Allow('supervisor', ...OFFICER_ROLES)
  @ApiOperation({ summary: 'Post progress of a funded project, with photos' })
  progress(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @Param('projectId') projectId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(reportProjectProgressRequest) body: ReportProjectProgressRequest,
  ): Promise<{ poolId: string }> {
    return this.commands.execute(new ReportProjectProgress({ communityId, year: budgetYear(year), projectId, caller: p, request: body }));
  }
}
