// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795706593377 } from './1795706593377-initial';
import { InstantsAsTimestamptz1796400000000 } from './1796400000000-instants-as-timestamptz';
import { Contests1796413238085 } from './1796413238085-contests';

export const MIGRATIONS: MigrationClass[] = [Initial1795706593377, InstantsAsTimestamptz1796400000000, Contests1796413238085];
