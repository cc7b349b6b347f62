import type { ServiceDefinition } from '@gongzhi/runtime';
import { PointsModule } from './points.module';
import { POINTS_ENTITIES } from './read-models/points-read-models.entities';
import { MIGRATIONS } from './migrations';

/** 积分 · 时间银行: points from other services' events, rewards, levels and honours, leaderboards, the time bank. */
export const pointsService: ServiceDefinition = {
  name: 'points',
  entities: POINTS_ENTITIES,
  migrations: MIGRATIONS,
  module: (infrastructure) => PointsModule.register(infrastructure),
};

export { PointsModule } from './points.module';
export { loadPointsSettings, type PointsSettings } from './config/load-points-config';
