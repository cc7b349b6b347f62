import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiCreatedFrom } from '@gongzhi/platform';
import { ReportCase } from './report-case.command';
import type { ReportedCase } from './report-case.handler';
import { reportCaseRequest, type ReportCaseRequest } from './report-case.request';
import { reportedCaseAnswer } from './report-case.response';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class ReportCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @Allow('resident', { role: 'grid_worker', scope: 'grid' })
  @ApiOperation({ summary: '随手拍: report a problem (category, description, photos, location or address, anonymous flag)' })
  @ApiCreatedFrom(reportedCaseAnswer, 'The case, reported; possibleDuplicates are hints unless the reporter may read them.')
  async report(@CurrentPrincipal() principal: Principal, @ZodBody(reportCaseRequest) body: ReportCaseRequest) {
    const via = principal.kind === 'service' ? 'hotline' : principal.roles.includes('grid_worker') ? 'grid_worker' : 'resident';
    const result = await this.commands.execute<ReportCase, ReportedCase>(new ReportCase({ intake: { ...body, reporter: principal, via } }));
    return {
      caseId: result.caseId,
      status: 'Reported',
      gridId: result.gridId,
      message: { zh: '已收到，正在处理', en: 'Received: we are on it' },
      possibleDuplicates: result.possibleDuplicates,
    };
  }
}
