import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import { DASHBOARD_PROJECTIONS } from '../../tokens';
import { ApiOkFrom, ApiQueryFrom } from '@gongzhi/platform';
import {
  readWhistleDaily,
  readWhistleSummary,
  whistleDailyQuery,
  whistleDailyResponse,
  whistleSummaryQuery,
  whistleSummaryResponse,
  type WhistleDailyQuery,
  type WhistleSummaryQuery,
} from './whistles.query';

@ApiTags('dashboards')
@Controller('api/dashboards/whistles')
export class WhistlesHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get('summary')
  @Public()
  @ApiOperation({
    summary: 'The whistle (吹哨报到): check-in within deadline, escalations and time to resolve, for the city or per street or department',
  })
  @ApiQueryFrom(whistleSummaryQuery)
  @ApiOkFrom(whistleSummaryResponse, 'One row per group, sorted by key.')
  summary(@ZodQuery(whistleSummaryQuery) query: WhistleSummaryQuery) {
    return readWhistleSummary(this.projections.dataSource, query, this.projections.now());
  }

  @Get('daily')
  @Public()
  @ApiOperation({ summary: 'Daily whistle counts for the city or one street or department' })
  @ApiQueryFrom(whistleDailyQuery)
  @ApiOkFrom(whistleDailyResponse, 'A dense series: every day of the window.')
  daily(@ZodQuery(whistleDailyQuery) query: WhistleDailyQuery) {
    return readWhistleDaily(this.projections.dataSource, query, this.projections.now(), this.projections.timeZone);
  }
}
