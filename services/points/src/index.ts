import type { ServiceDefinition } from '@gongzhi/runtime';
import { PointsModule } from './points.module';
import { POINTS_ENTITIES } from './read-models/points-read-models.entities';
import { MIGRATIONS } from './migrations';
import { loadPointsSettings, type PointsCatalogue } from './config/load-points-config';

/** 积分 · 时间银行: points from other services' events, rewards, levels and honours, leaderboards, the time bank. */
export const pointsService: ServiceDefinition = {
  name: 'points',
  entities: POINTS_ENTITIES,
  migrations: MIGRATIONS,
  module: (infrastructure) => PointsModule.register(infrastructure),
};

/**
 * The points service whose configuration is checked at start against the service catalogue (read when the
 * host composes it): a badge or rule that can never match stops the start, naming it.
 */
export function pointsServiceCheckedAgainst(catalogue: () => PointsCatalogue): ServiceDefinition {
  return { ...pointsService, module: (infrastructure) => PointsModule.register(infrastructure, loadPointsSettings(process.env, catalogue())) };
}

export { PointsModule } from './points.module';
export { loadPointsSettings, type PointsCatalogue, type PointsSettings } from './config/load-points-config';
