// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795706604146 } from './1795706604146-initial';
import { AssistedBallots1796353461773 } from './1796353461773-assisted-ballots';
import { InstantsAsTimestamptz1796400000000 } from './1796400000000-instants-as-timestamptz';
import { EvaluationGrantsReportsAndCaseResolver1796412330337 } from './1796412330337-evaluation-grants-reports-and-case-resolver';

export const MIGRATIONS: MigrationClass[] = [
  Initial1795706604146,
  AssistedBallots1796353461773,
  InstantsAsTimestamptz1796400000000,
  EvaluationGrantsReportsAndCaseResolver1796412330337,
];
