import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import { DASHBOARD_PROJECTIONS } from '../../tokens';
import { ApiOkFrom, ApiQueryFrom } from '@gongzhi/platform';
import { participationQuery, participationResponse, readParticipation, type ParticipationQuery } from './participation.query';

@ApiTags('dashboards')
@Controller('api/dashboards/participation')
export class ParticipationHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Active residents: distinct residents who took part, in the window and per day' })
  @ApiQueryFrom(participationQuery)
  @ApiOkFrom(participationResponse, 'Counts only.')
  participation(@ZodQuery(participationQuery) query: ParticipationQuery) {
    return readParticipation(this.projections.dataSource, query, this.projections.now(), this.projections.timeZone);
  }
}
