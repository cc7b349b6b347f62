import type { EntityManager } from 'typeorm';
import type { ConsumerStateStore } from './consumer-state-store';
import type { EventParser } from './event-parser';

/** A consumer of public events: a projector, a policy in another service, an integration. */
export interface ConsumerDefinition<Event extends { readonly eventId: string }> {
  /** The consumer group, and the name of its inbox and positions. */
  readonly name: string;
  readonly topics: readonly string[];
  /** Validates and upcasts each message; invalid ones go to the dead-letter queue. */
  readonly parser: EventParser<Event>;
  /** The effect of one event, inside the transaction that also records it in the inbox. */
  handle(event: Event, manager: EntityManager): Promise<void>;
  /**
   * Optional: the effect of several events at once (in order, those the inbox has not seen), inside the
   * same transaction. When given it is used instead of `handle`, so a projector can write its rows in a few
   * set-based statements per batch rather than a find and a save per event. It must have the effect that
   * `handle` has event by event (a batch of one is how a failing batch is retried).
   */
  handleBatch?(events: readonly Event[], manager: EntityManager): Promise<void>;
  /**
   * Optional: false for an event the handlers ignore (it changes nothing). Such an event takes no inbox row, since
   * a second delivery cannot count it twice; a consumer that reads only a few of its topics' event types saves
   * most of its inbox writes. It must answer true for every event that changes anything. Absent: every event
   * is recorded.
   */
  hasEffect?(event: Event): boolean;
}

export interface ConsumerProgress {
  readonly source: string;
  /** Events in the source not yet handled (0 when caught up). */
  readonly lagEvents: number;
  /** Recorded-at time of the last event handled, for the seconds-behind figure. */
  readonly lastRecordedAt: string | null;
}

export interface StartConsumerOptions {
  /** The database holding the consumer's effects, inbox and positions. */
  readonly state: ConsumerStateStore;
  /** Attempts per event before it is dead-lettered (the first included). */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  readonly onProgress?: (progress: ConsumerProgress) => void;
  readonly onError?: (error: unknown) => void;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/** The bus a service runs on: Kafka in distributed mode, the stores' own logs in the embedded default. */
export interface EventBus {
  start<Event extends { readonly eventId: string; readonly recordedAt?: string }>(
    definition: ConsumerDefinition<Event>,
    options: StartConsumerOptions,
  ): Promise<RunningConsumer>;
}
