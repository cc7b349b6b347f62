import type { ServiceDefinition } from '@gongzhi/runtime';
import { PointsModule } from './points.module';
import { POINTS_ENTITIES } from './read-models/points-read-models.entities';
import { MIGRATIONS } from './migrations';
import { CONTEST_ENTITIES } from './read-models/contest-read-models.entities';
import { pointsSettingsSchema, type PointsCatalogueSource, type PointsSettings } from './config/load-points-config';

/** 积分 · 时间银行: points from other services' events, rewards, levels and honours, leaderboards, the time bank. */
export const pointsService: ServiceDefinition<PointsSettings> = {
  name: 'points',
  entities: [...POINTS_ENTITIES, ...CONTEST_ENTITIES],
  migrations: MIGRATIONS,
  settings: pointsSettingsSchema(),
  module: (infrastructure, settings) => PointsModule.register(infrastructure, settings),
};

/**
 * The points service whose configuration is checked at start against the service catalogue (read when the
 * host composes it): a badge or rule that can never match stops the start, naming it.
 */
export function pointsServiceCheckedAgainst(catalogue: PointsCatalogueSource): ServiceDefinition<PointsSettings> {
  return { ...pointsService, settings: pointsSettingsSchema(catalogue) };
}

export { PointsModule } from './points.module';
export {
  loadPointsSettings,
  pointsSettingsSchema,
  type PointsCatalogue,
  type PointsCatalogueSource,
  type PointsSettings,
} from './config/load-points-config';
