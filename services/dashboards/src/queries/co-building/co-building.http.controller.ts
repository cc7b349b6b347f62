import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import { DASHBOARD_PROJECTIONS } from '../../tokens';
import { ApiOkFrom, ApiQueryFrom } from '@gongzhi/platform';
import { coBuildingDailyQuery, coBuildingDailyResponse, readCoBuildingDaily, type CoBuildingDailyQuery } from './co-building-daily.query';
import {
  coBuildingProjectsQuery,
  coBuildingProjectsResponse,
  readCoBuildingProjects,
  type CoBuildingProjectsQuery,
} from './co-building-projects.query';
import {
  coBuildingSummaryQuery,
  coBuildingSummaryResponse,
  readCoBuildingSummary,
  type CoBuildingSummaryQuery,
} from './co-building-summary.query';

@ApiTags('dashboards')
@Controller('api/dashboards/co-building')
export class CoBuildingHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get('summary')
  @Public()
  @ApiOperation({
    summary:
      'Co-building (共建): partner projects, teams, resource requests and approval rate, activities, income and the community fund share, ' +
      'resources, space bookings, needs and social organisations with their grades, for the city or per community',
  })
  @ApiQueryFrom(coBuildingSummaryQuery)
  @ApiOkFrom(coBuildingSummaryResponse, 'One row per group, sorted by key. Counts and sums only: no resident is named.')
  summary(@ZodQuery(coBuildingSummaryQuery) query: CoBuildingSummaryQuery) {
    return readCoBuildingSummary(this.projections.dataSource, query, this.projections.now(), this.projections.timeZone);
  }

  @Get('daily')
  @Public()
  @ApiOperation({ summary: 'Daily co-building counts for the city or one community' })
  @ApiQueryFrom(coBuildingDailyQuery)
  @ApiOkFrom(coBuildingDailyResponse, 'A dense series: every day of the window.')
  daily(@ZodQuery(coBuildingDailyQuery) query: CoBuildingDailyQuery) {
    return readCoBuildingDaily(this.projections.dataSource, query, this.projections.now(), this.projections.timeZone);
  }

  @Get('projects')
  @Public()
  @ApiOperation({ summary: 'Community partner projects (项目清单) with their team size, resource requests, activities and income split' })
  @ApiQueryFrom(coBuildingProjectsQuery)
  @ApiOkFrom(coBuildingProjectsResponse, 'A page of projects, most recently changed first.')
  projects(@ZodQuery(coBuildingProjectsQuery) query: CoBuildingProjectsQuery) {
    return readCoBuildingProjects(this.projections.dataSource, query);
  }
}
