import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Allow } from '@gongzhi/identity';
import type { DashboardProjections } from '../dashboard-projections';
import { ApiOkFrom } from '@gongzhi/platform';
import { DASHBOARD_PROJECTIONS } from '../tokens';

const projectorStatus = z.object({
  name: z.string(),
  topics: z.array(z.string()),
  running: z.boolean(),
  caughtUp: z.boolean(),
  lagEvents: z.number().int().describe('Events in its sources not yet applied, as last reported.'),
  lagSeconds: z.number().describe('Age of the last applied event while behind; 0 when caught up.'),
  appliedSinceStart: z.number().int(),
  sources: z.array(z.object({ source: z.string(), lagEvents: z.number().int(), lastRecordedAt: z.string().nullable() })),
});

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('api/dashboards/projectors')
export class ProjectorsHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get()
  @Allow('admin', 'supervisor')
  @ApiOperation({
    summary: 'The projectors and their lag (also on /metrics: gongzhi_projection_lag_events, gongzhi_projection_lag_seconds)',
  })
  @ApiOkFrom(z.object({ projectors: z.array(projectorStatus) }), 'One entry per projector.')
  list() {
    return { projectors: this.projections.status() };
  }

  @Post(':name/rebuild')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({
    summary: 'Rebuild a read model: empty it and replay its topics from the start',
    description:
      'Answers when the projector has caught up. The figures of that read model are partial meanwhile. 404 for an unknown projector.',
  })
  @ApiOkFrom(z.object({ projector: z.string(), applied: z.number().int(), tookMs: z.number().int() }), 'The events replayed.')
  async rebuild(@Param('name') name: string) {
    const started = Date.now();
    const applied = await this.projections.rebuild(name);
    return { projector: name, applied, tookMs: Date.now() - started };
  }
}
