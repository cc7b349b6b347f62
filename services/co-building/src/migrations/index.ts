// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795706598837 } from './1795706598837-initial';
import { InstantsAsTimestamptz1796400000000 } from './1796400000000-instants-as-timestamptz';
import { ActivitiesAndResidentLevels1796417370459 } from './1796417370459-activities-and-resident-levels';

export const MIGRATIONS: MigrationClass[] = [
  Initial1795706598837,
  InstantsAsTimestamptz1796400000000,
  ActivitiesAndResidentLevels1796417370459,
];
