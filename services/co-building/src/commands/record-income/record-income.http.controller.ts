import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { ProjectView } from '../../application/project-commands';
import { RecordIncome } from './record-income.command';
import { recordIncomeRequest, type RecordIncomeRequest } from './record-income.request';

@ApiTags('co-building: projects')
@ApiBearerAuth()
@Controller('api/co-building/projects')
export class RecordIncomeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':projectId/income')
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({
    summary: 'Record income (space rent, service fees): split between the team and the community fund by the configured ratio',
  })
  income(
    @Param('projectId') projectId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(recordIncomeRequest) body: RecordIncomeRequest,
  ) {
    return this.commands.execute<RecordIncome, ProjectView>(new RecordIncome({ principal, projectId, income: body }));
  }
}
