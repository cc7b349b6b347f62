import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import { DASHBOARD_PROJECTIONS } from '../../tokens';
import { answerJson, ApiOkFrom, type JsonResponse } from '@gongzhi/platform';
import { overviewResponse, readOverview } from './overview.query';

@ApiTags('dashboards')
@Controller('api/dashboards/overview')
export class OverviewHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The city dashboard's headline figures, over the last 30 days" })
  @ApiOkFrom(overviewResponse, 'Cases, whistles, council, points, active residents and adopted suggestions.')
  overview(@Res() response: JsonResponse) {
    return answerJson(
      response,
      this.projections.reads.readJson('overview', () =>
        readOverview(this.projections.dataSource, this.projections.now(), this.projections.timeZone),
      ),
    );
  }
}
