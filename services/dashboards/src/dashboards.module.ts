import { ProjectionMetrics } from '@gongzhi/projections';
import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DashboardProjections, type DashboardsInfrastructure } from './dashboard-projections';
import { DEFAULT_DASHBOARDS_SETTINGS, type DashboardsSettings } from './dashboards.settings';
import { StreamHttpController } from './live/stream.http.controller';
import { ProjectorsHttpController } from './projectors/projectors.http.controller';
import { CasesHttpController } from './queries/cases/cases.http.controller';
import { CoBuildingHttpController } from './queries/co-building/co-building.http.controller';
import { AssistedByWorkerHttpController } from './queries/deliberation/assisted-by-worker.http.controller';
import { DeliberationHttpController } from './queries/deliberation/deliberation.http.controller';
import { EvaluationHttpController } from './queries/evaluation/evaluation.http.controller';
import { OverviewHttpController } from './queries/overview/overview.http.controller';
import { ParticipationHttpController } from './queries/participation/participation.http.controller';
import { PointsHttpController } from './queries/points/points.http.controller';
import { WhistlesHttpController } from './queries/whistles/whistles.http.controller';
import { DASHBOARD_PROJECTIONS, DASHBOARDS_SETTINGS } from './tokens';

const START_PROJECTORS = Symbol('DASHBOARDS_START_PROJECTORS');

@Injectable()
class DashboardsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections,
    @Inject(START_PROJECTORS) private readonly startProjectors: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.startProjectors) await this.projections.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.projections.stop();
    // Ends the open live streams, so the HTTP server can close.
    this.projections.close();
  }
}

@Module({})
export class DashboardsModule {}

/**
 * The dashboards: projectors over every service's public topic into read models, the query API under
 * /api/dashboards and its live stream. The same module runs embedded (SQLite, in-process bus) and
 * distributed (PostgreSQL, Kafka); `infrastructure` says which.
 */
export function dashboardsModule(
  infrastructure: DashboardsInfrastructure,
  settings: DashboardsSettings = DEFAULT_DASHBOARDS_SETTINGS,
): DynamicModule {
  return {
    module: DashboardsModule,
    controllers: [
      OverviewHttpController,
      CasesHttpController,
      WhistlesHttpController,
      DeliberationHttpController,
      AssistedByWorkerHttpController,
      PointsHttpController,
      ParticipationHttpController,
      CoBuildingHttpController,
      EvaluationHttpController,
      StreamHttpController,
      ProjectorsHttpController,
    ],
    providers: [
      {
        provide: DASHBOARD_PROJECTIONS,
        // The process's lag gauges (PlatformModule) when there are any, so /metrics shows them.
        useFactory: (metrics?: ProjectionMetrics) =>
          new DashboardProjections({ ...infrastructure, projectionMetrics: infrastructure.projectionMetrics ?? metrics }),
        inject: [{ token: ProjectionMetrics, optional: true }],
      },
      { provide: DASHBOARDS_SETTINGS, useValue: settings },
      { provide: START_PROJECTORS, useValue: infrastructure.startProjectors ?? true },
      DashboardsLifecycle,
    ],
    exports: [DASHBOARD_PROJECTIONS],
  };
}
