import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** Feedback to a reporter or follower at each step of their case ("已收到，正在处理"), and its delivery. */
@Entity('reporter_notifications')
@Index(['recipientId', 'createdAt'])
@Index(['deliveredAt'])
export class ReporterNotification {
  /** `<eventId>:<recipientId>`: one notification per event and recipient, however often the event arrives. */
  @PrimaryColumn('varchar', { length: 200 })
  id!: string;

  @Column('varchar', { name: 'recipient_id', length: 100 })
  recipientId!: string;

  @Column('varchar', { name: 'case_id', length: 64 })
  caseId!: string;

  @Column('varchar', { length: 60 })
  kind!: string;

  @Column('text', { name: 'message_zh' })
  messageZh!: string;

  @Column('text', { name: 'message_en' })
  messageEn!: string;

  @InstantColumn({ name: 'created_at' })
  createdAt!: string;

  @InstantColumn({ name: 'read_at', nullable: true })
  readAt!: string | null;

  /** Handed to the gateway (SMS, messaging app webhook); null until then. */
  @InstantColumn({ name: 'delivered_at', nullable: true })
  deliveredAt!: string | null;

  @Column('int', { name: 'delivery_attempts', default: 0 })
  deliveryAttempts!: number;
}
