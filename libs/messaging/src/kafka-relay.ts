import type { Kafka, Producer } from 'kafkajs';
import { subscribeToAll, type EventStore, type RecordedEvent, type Subscription } from '@gongzhi/eventsourcing';
import type { ConsumerStateStore } from './consumer-state-store';
import { toKafkaMessage } from './wire-format';

export interface KafkaRelayOptions {
  /** Names the relay's checkpoint; one relay per service store. */
  readonly name: string;
  readonly store: EventStore;
  readonly kafka: Kafka;
  readonly topic: string;
  /** Where the checkpoint lives (the service's own database). */
  readonly state: ConsumerStateStore;
  readonly batchSize?: number;
  readonly idleDelayMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Called after each batch is acknowledged by the broker and checkpointed. */
  readonly onPublished?: (events: readonly RecordedEvent[]) => void;
}

export const RELAY_SOURCE = 'log';

/**
 * The outbox relay: the store is the outbox. Tails the store's global log from the relay's checkpoint,
 * publishes each batch with the idempotent producer and acks from all in-sync replicas, and moves the
 * checkpoint only after the broker has acknowledged. A crash between the two republishes the batch:
 * delivery is at least once and consumers deduplicate by event id.
 */
export class KafkaRelay {
  private producer?: Producer;
  private subscription?: Subscription;
  private reader?: ReturnType<typeof prefetching>;
  private published = 0;

  constructor(private readonly options: KafkaRelayOptions) {}

  get position(): number {
    return this.subscription?.position ?? 0;
  }

  get publishedCount(): number {
    return this.published;
  }

  async start(): Promise<void> {
    const { name, store, kafka, state } = this.options;
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
    await this.producer.connect();
    const after = (await state.position(name, RELAY_SOURCE)) ?? 0;
    const batchSize = this.options.batchSize ?? 2000;
    this.reader = prefetching(store, batchSize);
    this.subscription = subscribeToAll(this.reader.store, {
      after,
      batchSize,
      idleDelayMs: this.options.idleDelayMs ?? 20,
      onError: this.options.onError,
      onEvents: (events) => this.publish(events),
    });
  }

  private async publish(events: readonly RecordedEvent[]): Promise<void> {
    await this.producer!.send({ topic: this.options.topic, acks: -1, messages: events.map(toKafkaMessage) });
    await this.options.state.savePosition(this.options.name, RELAY_SOURCE, events[events.length - 1].globalPosition);
    this.published += events.length;
    this.options.onPublished?.(events);
  }

  /** Finishes the batch in hand (published and checkpointed), then disconnects. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.reader?.settled();
    await this.producer?.disconnect();
  }
}

/**
 * The store as the relay's tail reads it. When a read fills a whole batch (the relay is behind), the read
 * of the next batch starts at once, so the database works on batch n+1 while batch n is on its way to the
 * broker instead of after it. A read from any other position (the retry of a failed batch) drops it. Reads
 * that come back short (caught up) prefetch nothing, so the tail polls as before.
 */
function prefetching(store: EventStore, batchSize: number) {
  let ahead: { after: number; limit: number; events: Promise<readonly RecordedEvent[]> } | undefined;
  const read = (after: number, limit: number) => {
    const events = store.readAll({ after, limit });
    events.catch(() => undefined); // a prefetch nobody takes must not reject unhandled; a taken one rethrows
    return events;
  };
  const reader: EventStore = {
    appendToStream: (streamId, events, options) => store.appendToStream(streamId, events, options),
    readStream: (streamId, options) => store.readStream(streamId, options),
    headPosition: () => store.headPosition(),
    onAppended: store.onAppended && ((listener) => store.onAppended!(listener)),
    close: () => store.close(),
    async readAll({ after = 0, limit = batchSize } = {}) {
      const taken = ahead?.after === after && ahead.limit === limit ? ahead.events : read(after, limit);
      ahead = undefined;
      const events = await taken;
      if (events.length === limit) {
        const next = events[events.length - 1].globalPosition;
        ahead = { after: next, limit, events: read(next, limit) };
      }
      return events;
    },
  };
  return {
    store: reader,
    /** Waits for a read still under way, so the store can be closed after the relay stops. */
    async settled() {
      await ahead?.events.catch(() => undefined);
      ahead = undefined;
    },
  };
}
