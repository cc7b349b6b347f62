import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** A durable timer: a command to run at `dueAt`, stored when the deadline is set, fired once. */
@Entity('scheduled_commands')
@Index(['firedAt', 'dueAt'])
export class ScheduledCommand {
  /** Chosen by the caller so scheduling the same deadline twice keeps one timer (`case-7:acknowledge`). */
  @PrimaryColumn('varchar', { length: 200 })
  id!: string;

  @Column('varchar', { length: 100 })
  kind!: string;

  @InstantColumn({ name: 'due_at' })
  dueAt!: string;

  @Column('text')
  payload!: string;

  @InstantColumn({ name: 'fired_at', nullable: true })
  firedAt!: string | null;

  @InstantColumn({ name: 'cancelled_at', nullable: true })
  cancelledAt!: string | null;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;
}
