import type { ServiceDefinition } from '@gongzhi/runtime';
import { CoBuildingModule } from './co-building.module';
import { CO_BUILDING_ENTITIES } from './read-models/co-building-views.entity';
import { ACTIVITY_ENTITIES } from './read-models/activities-views.entity';
import { MIGRATIONS } from './migrations';
import { coBuildingSettingsSchema, type CoBuildingSettings } from './settings/co-building-settings';
/** The read routes' answers as the OpenAPI document describes them, for specs that hold the routes to them. */
export { communityActivitiesResponse } from './queries/activities/activities.http.controller';

/**
 * 共建: community partner projects (社区合伙人) and the public community fund, the three lists (资源、需求、项目)
 * with bookable spaces and matching, the registry of community organisations and their grades.
 *
 * A service of its own rather than part of deliberation: resources, partner projects and organisations have
 * their own lifecycle and owners (a team, a company, an organisation, the community's officers) and live
 * for years, while the council's deliberation is about one topic decided by the residents at one time.
 */
export const coBuildingService: ServiceDefinition<CoBuildingSettings> = {
  name: 'co-building',
  entities: [...CO_BUILDING_ENTITIES, ...ACTIVITY_ENTITIES],
  migrations: MIGRATIONS,
  settings: coBuildingSettingsSchema,
  module: (infrastructure, settings) => CoBuildingModule.register(infrastructure, settings),
};

export {
  CoBuildingSettings,
  coBuildingSettingsSchema,
  EARLY_SIGN_UP_HOURS_VARIABLE,
  TEAM_SHARE_VARIABLE,
} from './settings/co-building-settings';
