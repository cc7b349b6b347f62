// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795706586721 } from './1795706586721-initial';

export const MIGRATIONS: MigrationClass[] = [Initial1795706586721];
