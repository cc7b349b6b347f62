import type { ServiceDefinition } from '@gongzhi/runtime';
import { gridEventsModule } from './grid-events.module';
import { gridEventsSettingsSchema, type GridEventsServiceSettings } from './grid-events.settings';
import { CaseFollower, CaseReporter } from './read-models/case-reporter.entity';
import { BaseRecord } from './read-models/base-record.entity';
import { CaseView } from './read-models/case-view.entity';
import { ReporterNotification } from './read-models/reporter-notification.entity';
import { MIGRATIONS } from './migrations';

/** Grids and cases (事件/案件): the organisation tree, the catalogue, the closed loop and its Open311 facade. */
export const gridEventsService: ServiceDefinition<GridEventsServiceSettings> = {
  name: 'grid-events',
  entities: [CaseView, CaseReporter, CaseFollower, ReporterNotification, BaseRecord],
  migrations: MIGRATIONS,
  settings: gridEventsSettingsSchema,
  module: gridEventsModule,
};

export { GridEventsRuntime } from './grid-events.runtime';
export { CaseCommands } from './application/case-commands';
export { loadReferenceData, referenceDataSourcesFromEnv } from './reference-data/load-reference-data';
export { communityPlacesOf } from './reference-data/community-places';
export type { ReferenceData } from './reference-data/reference-data';
export { gridEventsSettingsSchema, type GridEventsServiceSettings, type GridEventsSettings } from './grid-events.settings';
