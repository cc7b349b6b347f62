// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795706573077 } from './1795706573077-initial';
import { PhotosInPostgres1796352107378 } from './1796352107378-photos-in-postgres';
import { CaseReaderRule1796353200000 } from './1796353200000-case-reader-rule';
import { InstantsAsTimestamptz1796400000000 } from './1796400000000-instants-as-timestamptz';
import { CasePlaceIndex1796403283312 } from './1796403283312-case-place-index';
import { GridRegister1796420000000 } from './1796420000000-grid-register';
import { CaseListByReportTime1796448159655 } from './1796448159655-case-list-by-report-time';
import { DuplicateSearchBox1796499093908 } from './1796499093908-duplicate-search-box';

export const MIGRATIONS: MigrationClass[] = [
  Initial1795706573077,
  PhotosInPostgres1796352107378,
  CaseReaderRule1796353200000,
  InstantsAsTimestamptz1796400000000,
  CasePlaceIndex1796403283312,
  GridRegister1796420000000,
  CaseListByReportTime1796448159655,
  DuplicateSearchBox1796499093908,
];
