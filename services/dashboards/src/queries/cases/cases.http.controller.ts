import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import { DASHBOARD_PROJECTIONS } from '../../tokens';
import { answerJson, ApiOkFrom, ApiQueryFrom, type JsonResponse } from '@gongzhi/platform';
import { caseDailyQuery, caseDailyResponse, readCaseDaily, type CaseDailyQuery } from './case-daily.query';
import { caseSlaQuery, caseSlaResponse, readCaseSla, type CaseSlaQuery } from './case-sla.query';

@ApiTags('dashboards')
@Controller('api/dashboards/cases')
export class CasesHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get('sla')
  @Public()
  @ApiOperation({
    summary: 'Case SLAs (事件闭环) for the city or per street, grid, category or department',
    description:
      'Backlog, median and p90 time to acknowledge and to resolve, share within SLA, reopen rate and satisfaction of the cases reported in the window.',
  })
  @ApiQueryFrom(caseSlaQuery)
  @ApiOkFrom(caseSlaResponse, 'One row per group, sorted by key.')
  sla(@ZodQuery(caseSlaQuery) query: CaseSlaQuery, @Res() response: JsonResponse) {
    return answerJson(
      response,
      this.projections.reads.readJson(`cases/sla ${JSON.stringify(query)}`, () =>
        readCaseSla(this.projections.dataSource, query, this.projections.now()),
      ),
    );
  }

  @Get('daily')
  @Public()
  @ApiOperation({
    summary: 'Daily case counts (reported, resolved, within SLA …) for the city or one street, grid, category or department',
  })
  @ApiQueryFrom(caseDailyQuery)
  @ApiOkFrom(caseDailyResponse, 'A dense series: every day of the window.')
  daily(@ZodQuery(caseDailyQuery) query: CaseDailyQuery, @Res() response: JsonResponse) {
    return answerJson(
      response,
      this.projections.reads.readJson(`cases/daily ${JSON.stringify(query)}`, () =>
        readCaseDaily(this.projections.dataSource, query, this.projections.now(), this.projections.timeZone),
      ),
    );
  }
}
