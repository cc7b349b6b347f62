// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795706579981 } from './1795706579981-initial';
import { InstantsAsTimestamptz1796400000000 } from './1796400000000-instants-as-timestamptz';
import { CommunityTasks1796402421369 } from './1796402421369-community-tasks';
import { EarlyWarnings1796404566044 } from './1796404566044-early-warnings';
import { ReportedPlacesAround1796435881244 } from './1796435881244-reported-places-around';
import { RepeatSearchBox1796499100157 } from './1796499100157-repeat-search-box';

export const MIGRATIONS: MigrationClass[] = [
  Initial1795706579981,
  InstantsAsTimestamptz1796400000000,
  CommunityTasks1796402421369,
  EarlyWarnings1796404566044,
  ReportedPlacesAround1796435881244,
  RepeatSearchBox1796499100157,
];
