// Written by `npm run migrations -- generate`: the migrations of this service's PostgreSQL schema, oldest first.
import type { MigrationClass } from '@gongzhi/runtime';
import { Initial1795706586721 } from './1795706586721-initial';
import { CommentViews1796352476830 } from './1796352476830-comment-views';
import { StaffPhotos1796353630834 } from './1796353630834-staff-photos';
import { InstantsAsTimestamptz1796400000000 } from './1796400000000-instants-as-timestamptz';
import { LevelPrivilegesAndVolunteerPool1796412140590 } from './1796412140590-level-privileges-and-volunteer-pool';
import { InterestGroups1796412798171 } from './1796412798171-interest-groups';

export const MIGRATIONS: MigrationClass[] = [
  Initial1795706586721,
  CommentViews1796352476830,
  StaffPhotos1796353630834,
  InstantsAsTimestamptz1796400000000,
  LevelPrivilegesAndVolunteerPool1796412140590,
  InterestGroups1796412798171,
];
