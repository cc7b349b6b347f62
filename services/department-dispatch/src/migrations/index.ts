// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795706579981 } from './1795706579981-initial';
import { CommunityTasks1796402421369 } from './1796402421369-community-tasks';

export const MIGRATIONS: MigrationClass[] = [Initial1795706579981, CommunityTasks1796402421369];
