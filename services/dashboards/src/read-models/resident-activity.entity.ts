import { Entity, Index, PrimaryColumn } from 'typeorm';

export const ACTIVITY_KINDS = [
  'report',
  'proposal',
  'comment',
  'meeting',
  'ballot',
  'need',
  'evaluation',
  'volunteer',
  'redemption',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * That a resident did something on a day, for the count of active residents (distinct residents in a
 * period). Only counts leave this table: no query returns a resident id from it.
 */
@Entity('dash_resident_activity')
export class ResidentActivity {
  @PrimaryColumn('varchar', { length: 10 })
  day!: string;

  @Index()
  @PrimaryColumn('varchar', { name: 'resident_id', length: 120 })
  residentId!: string;

  @PrimaryColumn('varchar', { length: 12 })
  kind!: ActivityKind;
}
