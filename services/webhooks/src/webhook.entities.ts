import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import { bigintAsNumber } from '@gongzhi/messaging';

export type SubscriptionStatus = 'active' | 'paused';
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** A receiver an admin subscribed: where to post, which events, and the secret that signs them. */
@Entity('webhook_subscriptions')
export class WebhookSubscription {
  @PrimaryColumn('varchar', { length: 64 })
  id!: string;

  @Column('text')
  url!: string;

  /** JSON array of event types. */
  @Column('text', { name: 'event_types' })
  eventTypes!: string;

  @Column('varchar', { name: 'department_id', length: 120, nullable: true })
  departmentId!: string | null;

  @Column('varchar', { name: 'street_id', length: 120, nullable: true })
  streetId!: string | null;

  /**
   * Kept as it is, not hashed: an HMAC is computed with the secret itself on every delivery, so the server
   * must be able to read it (a hash verifies a secret someone shows us; here we are the one who shows it).
   * It is shown once, at creation, and never returned by any read.
   */
  @Column('varchar', { length: 100 })
  secret!: string;

  @Column('varchar', { length: 12 })
  status!: SubscriptionStatus;

  @Column('text', { name: 'paused_reason', nullable: true })
  pausedReason!: string | null;

  @Column('varchar', { name: 'created_by', length: 120 })
  createdBy!: string;

  @InstantColumn({ name: 'created_at' })
  createdAt!: string;
}

/** One event owed to one subscription; its id on the wire (`webhook-id`) is the event id. */
@Entity('webhook_deliveries')
@Unique('UQ_webhook_delivery_event', ['subscriptionId', 'eventId'])
@Index('IDX_webhook_deliveries_due', ['status', 'nextAttemptAt'])
export class WebhookDelivery {
  @PrimaryColumn('varchar', { length: 64 })
  id!: string;

  @Index()
  @Column('varchar', { name: 'subscription_id', length: 64 })
  subscriptionId!: string;

  @Column('varchar', { name: 'event_id', length: 64 })
  eventId!: string;

  @Column('varchar', { name: 'event_type', length: 120 })
  eventType!: string;

  @Column('varchar', { length: 120 })
  topic!: string;

  /** The event's position in its topic's log, for replay. */
  @Column('bigint', { nullable: true, transformer: bigintAsNumber })
  position!: number | null;

  /** The exact bytes signed and posted, the same on every attempt. */
  @Column('text')
  body!: string;

  @Column('varchar', { length: 12 })
  status!: DeliveryStatus;

  @Column('integer')
  attempts!: number;

  @InstantColumn({ name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: string | null;

  @Column('integer', { name: 'last_status_code', nullable: true })
  lastStatusCode!: number | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @InstantColumn({ name: 'last_attempt_at', nullable: true })
  lastAttemptAt!: string | null;

  @InstantColumn({ name: 'delivered_at', nullable: true })
  deliveredAt!: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: string;
}

export type AttemptOutcome = 'delivered' | 'failed' | 'gone';

/** One try to post a delivery, kept for the operator who asks why a receiver got nothing. */
@Entity('webhook_attempts')
export class WebhookAttempt {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column('varchar', { name: 'delivery_id', length: 64 })
  deliveryId!: string;

  @Column('varchar', { length: 12 })
  outcome!: AttemptOutcome;

  @Column('integer', { name: 'status_code', nullable: true })
  statusCode!: number | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('varchar', { length: 32 })
  at!: string;
}

export const WEBHOOK_ENTITIES = [WebhookSubscription, WebhookDelivery, WebhookAttempt];
