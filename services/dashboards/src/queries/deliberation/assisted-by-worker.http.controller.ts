import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ZodQuery } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import { DASHBOARD_PROJECTIONS } from '../../tokens';
import { ApiOkFrom, ApiQueryFrom } from '@gongzhi/platform';
import {
  assistedByWorkerQuery,
  assistedByWorkerResponse,
  readAssistedByWorker,
  type AssistedByWorkerQuery,
} from './assisted-by-worker.query';

/** Names staff, so it is for those who supervise them, not public like the council's other figures. */
@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('api/dashboards')
export class AssistedByWorkerHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get('deliberation/assisted-ballots')
  @Allow('supervisor', 'community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Assisted ballots (入户走访) per worker of a community, with a flag on an unusual share' })
  @ApiQueryFrom(assistedByWorkerQuery)
  @ApiOkFrom(assistedByWorkerResponse, 'Each worker who recorded assisted ballots, flagged ones first.')
  assistedByWorker(@ZodQuery(assistedByWorkerQuery) query: AssistedByWorkerQuery) {
    return readAssistedByWorker(this.projections.dataSource, query);
  }
}
