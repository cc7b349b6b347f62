import type { Kafka, Producer } from 'kafkajs';
import { readAllSerialised, tailLog, type EventStore, type SerialisedEvent, type Subscription } from '@gongzhi/eventsourcing';
import type { ConsumerStateStore } from './consumer-state-store';
import { approximateSize, chunksBySize, DEFAULT_MAX_SEND_BYTES, toKafkaMessage } from './wire-format';

export interface KafkaRelayOptions {
  /** Names the relay's checkpoint; one relay per service store. */
  readonly name: string;
  readonly store: EventStore;
  readonly kafka: Kafka;
  readonly topic: string;
  /** The CloudEvents source of what this relay publishes: the service's (`cloudEventSource`), else the topic's. */
  readonly source?: string;
  /** Where the checkpoint lives (the service's own database). */
  readonly state: ConsumerStateStore;
  /** Events read from the store at a time. */
  readonly batchSize?: number;
  /** The most bytes one send carries; a bigger batch goes out in several sends, in order. */
  readonly maxSendBytes?: number;
  readonly idleDelayMs?: number;
  /** The longest wait between two polls of an idle store (its own appends wake the relay at once). */
  readonly maxIdleDelayMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Called after each batch (or the part of it sent before a send failed) is acknowledged by the broker and checkpointed. */
  readonly onPublished?: (events: readonly SerialisedEvent[]) => void;
}

export const RELAY_SOURCE = 'log';

/**
 * Events read from the store at a time. A relay that is behind reads the next batch while this one is
 * sent; bigger batches mean fewer reads, fewer checkpoints and fuller sends (each up to maxSendBytes).
 */
export const DEFAULT_RELAY_BATCH = 10_000;

/**
 * The outbox relay: the store is the outbox. Tails the store's global log from the relay's checkpoint,
 * publishes each batch with the idempotent producer and acks from all in-sync replicas, and moves the
 * checkpoint only after the broker has acknowledged. A crash between the two republishes the batch:
 * delivery is at least once and consumers deduplicate by event id. A batch is sent in chunks small enough
 * for the broker's size limit, each checkpointed after its ack; when a later chunk fails, the retry of the
 * batch skips what was already acknowledged.
 */
export class KafkaRelay {
  private producer?: Producer;
  private subscription?: Subscription;
  private reader?: ReturnType<typeof prefetching>;
  private published = 0;
  /** The position of the last event the broker acknowledged in this run. */
  private acknowledged = 0;
  /** The checkpoint of the last batch, still being written while the next batch is sent. */
  private checkpointing: Promise<void> = Promise.resolve();

  private readonly source: string;

  constructor(private readonly options: KafkaRelayOptions) {
    this.source = options.source ?? `/gongzhi/topics/${options.topic}`;
  }

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
    this.acknowledged = after;
    const batchSize = this.options.batchSize ?? DEFAULT_RELAY_BATCH;
    this.reader = prefetching(store);
    this.subscription = tailLog({
      after,
      batchSize,
      read: this.reader.read,
      wakeOn: store.onAppended && ((listener) => store.onAppended!(listener)),
      idleDelayMs: this.options.idleDelayMs ?? 20,
      // Idle, the relay polls once a second instead of fifty times: appends of this process wake it at once, and
      // another replica's wait at most that second.
      maxIdleDelayMs: this.options.maxIdleDelayMs ?? 1_000,
      onError: this.options.onError,
      onEvents: (events) => this.publish(events),
    });
  }

  private async publish(events: readonly SerialisedEvent[]): Promise<void> {
    const { topic, maxSendBytes = DEFAULT_MAX_SEND_BYTES } = this.options;
    // The previous batch's checkpoint went on while this batch was read; a failed one fails this batch,
    // which is then sent again (at least once) and checkpoints afresh.
    await this.checkpointing;
    const unsent = events.filter((event) => event.globalPosition > this.acknowledged);
    const messages = unsent.map((event) => ({ event, message: toKafkaMessage(event, this.source) }));
    const sent: SerialisedEvent[] = [];
    try {
      for (const chunk of chunksBySize(messages, maxSendBytes, ({ message }) => approximateSize(message))) {
        try {
          await this.producer!.send({ topic, acks: -1, messages: chunk.map(({ message }) => message) });
        } catch (error) {
          throw chunk.length === 1 && (error as { type?: string }).type === 'MESSAGE_TOO_LARGE'
            ? new Error(
                `event ${chunk[0].event.eventId} (${approximateSize(chunk[0].message)} bytes) is larger than the broker ` +
                  `takes (message.max.bytes); the relay retries it and holds back the events after it until the limit is raised`,
                { cause: error },
              )
            : error;
        }
        for (const { event } of chunk) sent.push(event);
        this.acknowledged = sent[sent.length - 1].globalPosition;
        this.published += chunk.length;
      }
    } finally {
      // One checkpoint per batch (or for the part the broker took before a send failed), written while the
      // next batch goes out: it only ever names what the broker acknowledged, and checkpoints stay in order
      // because each waits for the one before.
      if (sent.length > 0) this.checkpointing = this.checkpoint(sent);
    }
  }

  private async checkpoint(sent: readonly SerialisedEvent[]): Promise<void> {
    const { name, state } = this.options;
    await state.savePosition(name, RELAY_SOURCE, sent[sent.length - 1].globalPosition);
    this.options.onPublished?.(sent);
  }

  /** Finishes the batch in hand (published and checkpointed), then disconnects. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.checkpointing.catch((error) => this.options.onError?.(error));
    await this.reader?.settled();
    await this.producer?.disconnect();
  }
}

/**
 * The store as the relay's tail reads it: serialised (by the database where it can). When a read fills a
 * whole batch (the relay is behind), the read of the next batch starts at once, so the database works on
 * batch n+1 while batch n is on its way to the broker instead of after it. A read from any other position
 * (the retry of a failed batch) drops it. Reads that come back short (caught up) prefetch nothing.
 */
function prefetching(store: EventStore) {
  let ahead: { after: number; limit: number; events: Promise<readonly SerialisedEvent[]> } | undefined;
  const fetch = (after: number, limit: number) => {
    const events = readAllSerialised(store, { after, limit });
    events.catch(() => undefined); // a prefetch nobody takes must not reject unhandled; a taken one rethrows
    return events;
  };
  return {
    async read(after: number, limit: number): Promise<readonly SerialisedEvent[]> {
      const taken = ahead?.after === after && ahead.limit === limit ? ahead.events : fetch(after, limit);
      ahead = undefined;
      const events = await taken;
      if (events.length === limit) {
        const next = events[events.length - 1].globalPosition;
        ahead = { after: next, limit, events: fetch(next, limit) };
      }
      return events;
    },
    /** Waits for a read still under way, so the store can be closed after the relay stops. */
    async settled() {
      await ahead?.events.catch(() => undefined);
      ahead = undefined;
    },
  };
}
