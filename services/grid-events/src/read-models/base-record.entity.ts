import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** One row per entry of a grid's register, kept by the base-records projector: the register's lists. */
@Entity('base_records')
@Index(['gridId', 'kind'])
export class BaseRecord {
  @PrimaryColumn('varchar', { name: 'record_id', length: 64 })
  recordId!: string;

  @Column('varchar', { name: 'grid_id', length: 100 })
  gridId!: string;

  @Column('varchar', { length: 20 })
  kind!: string;

  /** What a list shows first: a facility's or organisation's name, a building's name, a household's building and unit. */
  @Column('varchar', { length: 200 })
  label!: string;

  /** The entry's fields as the register keeps them (JSON of the contract's details). */
  @Column('text')
  details!: string;

  @Column('varchar', { length: 10 })
  status!: 'active' | 'retired';

  @InstantColumn({ name: 'registered_at' })
  registeredAt!: string;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: string;

  @Column('varchar', { name: 'updated_by', length: 200, nullable: true })
  updatedBy!: string | null;
}
