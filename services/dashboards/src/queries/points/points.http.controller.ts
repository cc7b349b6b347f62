import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import { DASHBOARD_PROJECTIONS } from '../../tokens';
import { ApiOkFrom, ApiQueryFrom } from '@gongzhi/platform';
import {
  honourRollQuery,
  honourRollResponse,
  pointsDailyQuery,
  pointsDailyResponse,
  pointsSummaryQuery,
  pointsSummaryResponse,
  readHonourRoll,
  readPointsDaily,
  readPointsSummary,
  type HonourRollQuery,
  type PointsDailyQuery,
  type PointsSummaryQuery,
} from './points.query';
import {
  incentiveDependencyQuery,
  incentiveDependencyResponse,
  readIncentiveDependency,
  type IncentiveDependencyQuery,
} from '../incentives/incentive-dependency.query';

@ApiTags('dashboards')
@Controller('api/dashboards')
export class PointsHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get('points/summary')
  @Public()
  @ApiOperation({ summary: 'Points issued and redeemed (积分), per rule and reward, and volunteer hours (时间银行)' })
  @ApiQueryFrom(pointsSummaryQuery)
  @ApiOkFrom(pointsSummaryResponse, 'Totals over the window.')
  summary(@ZodQuery(pointsSummaryQuery) query: PointsSummaryQuery) {
    return readPointsSummary(this.projections.dataSource, query, this.projections.now());
  }

  @Get('points/daily')
  @Public()
  @ApiOperation({ summary: 'Daily points figures for the city (or awards of one community)' })
  @ApiQueryFrom(pointsDailyQuery)
  @ApiOkFrom(pointsDailyResponse, 'A dense series: every day of the window.')
  daily(@ZodQuery(pointsDailyQuery) query: PointsDailyQuery) {
    return readPointsDaily(this.projections.dataSource, query, this.projections.now(), this.projections.timeZone);
  }

  @Get('points/incentive-dependency')
  @Public()
  @ApiOperation({
    summary:
      'Incentive dependency (激励依赖度): participation that earned points next to participation that earned nothing material, by month',
  })
  @ApiQueryFrom(incentiveDependencyQuery)
  @ApiOkFrom(incentiveDependencyResponse, 'One row per month of the window, oldest first.')
  incentiveDependency(@ZodQuery(incentiveDependencyQuery) query: IncentiveDependencyQuery) {
    return readIncentiveDependency(this.projections.dataSource, query, this.projections.now(), this.projections.timeZone);
  }

  @Get('honour-roll')
  @Public()
  @ApiOperation({
    summary: 'The honour roll (居民功劳簿)',
    description: 'Residents by lifetime points, with level, badges and volunteer hours; only those who chose a display name, shown by it.',
  })
  @ApiQueryFrom(honourRollQuery)
  @ApiOkFrom(honourRollResponse, 'Highest first.')
  honourRoll(@ZodQuery(honourRollQuery) query: HonourRollQuery) {
    return readHonourRoll(this.projections.dataSource, query);
  }
}
