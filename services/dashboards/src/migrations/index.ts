// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795702297061 } from './1795702297061-initial';

export const MIGRATIONS: MigrationClass[] = [Initial1795702297061];
