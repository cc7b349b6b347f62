import { Partitioners, type ICustomPartitioner, type Kafka, type Message, type PartitionerArgs, type Producer } from 'kafkajs';
import { readAllSerialised, tailLog, type EventStore, type SerialisedEvent, type Subscription } from '@gongzhi/eventsourcing';
import type { ConsumerStateStore } from './consumer-state-store';
import { approximateSize, chunksByPartitionSize, DEFAULT_MAX_SEND_BYTES, toKafkaMessage } from './wire-format';

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
  /** The most bytes one send carries for one partition; a bigger batch goes out in several sends, in order. */
  readonly maxSendBytes?: number;
  /** The most sends in flight at once, each to its own partitions through its own idempotent producer. */
  readonly lanes?: number;
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
 * Sends in flight at once. kafkajs's idempotent producer keeps one request in flight, so a single producer
 * leaves the relay idle while the broker writes and acknowledges; with a producer per lane, the next lane's
 * records are encoded while the broker takes the previous lane's.
 */
export const DEFAULT_RELAY_LANES = 4;

/** An event on its way: its message, the partition the relay chose for it (when it knows the topic's), its size. */
interface Outgoing {
  readonly event: SerialisedEvent;
  readonly message: Message;
  readonly partition: number | undefined;
  readonly size: number;
}

/**
 * The outbox relay: the store is the outbox. Tails the store's global log from the relay's checkpoint,
 * publishes each batch with idempotent producers and acks from all in-sync replicas, and moves the
 * checkpoint only after the broker has acknowledged. A crash between the two republishes the batch:
 * delivery is at least once and consumers deduplicate by event id.
 *
 * Order per partition (so per key): the relay picks each event's partition itself, with the key hash kafkajs
 * would use, and a partition always goes out through the same lane (partition modulo lanes), one send after
 * the other, each in log order. Lanes send side by side, each through its own idempotent producer (a producer's
 * sequence numbers are per partition, and no two producers share one). A lane's sends are chunks small enough
 * for the broker's size limit. The checkpoint only moves over a run of the log that is acknowledged without a
 * gap; when a send fails, the events other lanes had acknowledged beyond the gap are remembered, and the retry
 * of the batch skips them. Until the relay knows the topic's partitions (a topic not made yet), it sends
 * through one lane and lets kafkajs partition.
 */
export class KafkaRelay {
  private readonly producers: Array<Promise<Producer>> = [];
  private subscription?: Subscription;
  private reader?: ReturnType<typeof prefetching>;
  private published = 0;
  /** The position up to which every event is acknowledged by the broker (in this run, or before it by the checkpoint). */
  private acknowledged = 0;
  /** Positions after `acknowledged` that the broker acknowledged, beyond an event it has not yet. */
  private readonly acknowledgedAhead = new Set<number>();
  /** The checkpoint of the last batch, still being written while the next batch is sent. */
  private checkpointing: Promise<void> = Promise.resolve();
  /** The topic's partition count once known, and the partitioner for it. */
  private partitioning?: { readonly count: number; readonly of: (message: Message) => number };

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
    const { name, store, state } = this.options;
    await this.producer(0);
    const after = (await state.position(name, RELAY_SOURCE)) ?? 0;
    this.acknowledged = after;
    await this.learnPartitions();
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

  /** The lane's producer, connected on first use. */
  private producer(lane: number): Promise<Producer> {
    this.producers[lane] ??= (async () => {
      const producer = this.options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: true,
        createPartitioner: partitionChosenOrByKey,
      });
      await producer.connect();
      return producer;
    })();
    return this.producers[lane];
  }

  /**
   * The topic's partition count, from the broker. Partitions are only ever added to a topic; one added while
   * the relay runs is used from its next start, and until then each key keeps the partition it had.
   */
  private async learnPartitions(): Promise<void> {
    if (this.partitioning) return;
    const { kafka, topic } = this.options;
    let count = 0;
    try {
      const admin = kafka.admin();
      await admin.connect();
      try {
        // Asked only of a topic that exists: kafkajs retries "unknown topic" for seconds before giving up.
        if ((await admin.listTopics()).includes(topic)) {
          const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
          count = topics[0]?.partitions.length ?? 0;
        }
      } finally {
        await admin.disconnect();
      }
    } catch {
      // Not known yet: this batch goes through one lane, partitioned by kafkajs, and the next batch asks again.
    }
    if (count === 0) return;
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0 }));
    // A stream's events come in runs, and hashing its key is a good part of a record's cost: remembered, within bounds.
    const byKey = new Map<string, number>();
    this.partitioning = {
      count,
      of: (message) => {
        const key = String(message.key);
        let partition = byKey.get(key);
        if (partition === undefined) {
          if (byKey.size >= PARTITION_CACHE_SIZE) byKey.clear();
          partition = partitioner({ topic, partitionMetadata, message } as PartitionerArgs);
          byKey.set(key, partition);
        }
        return partition;
      },
    };
  }

  private async publish(events: readonly SerialisedEvent[]): Promise<void> {
    // The previous batch's checkpoint went on while this batch was read; a failed one fails this batch,
    // which is then sent again (at least once) and checkpoints afresh.
    await this.checkpointing;
    await this.learnPartitions();
    const partitioning = this.partitioning;
    const lanes = partitioning ? Math.max(1, Math.min(partitioning.count, this.options.lanes ?? DEFAULT_RELAY_LANES)) : 1;
    const perLane: Outgoing[][] = Array.from({ length: lanes }, () => []);
    for (const event of events) {
      if (event.globalPosition <= this.acknowledged || this.acknowledgedAhead.has(event.globalPosition)) continue;
      const message = toKafkaMessage(event, this.source);
      const partition = partitioning?.of(message);
      if (partition !== undefined) message.partition = partition;
      perLane[partition === undefined ? 0 : partition % lanes].push({ event, message, partition, size: approximateSize(message) });
    }
    // Every lane runs to its end, or to its failed send, before the batch is done: the retry of the batch must
    // not overtake a send still under way in a partition.
    const outcomes = await Promise.allSettled(perLane.map((outgoing, lane) => this.sendLane(lane, outgoing)));

    // The checkpoint moves over the events acknowledged without a gap, in log order.
    const checkpointed: SerialisedEvent[] = [];
    for (const event of events) {
      if (event.globalPosition <= this.acknowledged) continue;
      if (!this.acknowledgedAhead.delete(event.globalPosition)) break;
      this.acknowledged = event.globalPosition;
      checkpointed.push(event);
    }
    // One checkpoint per batch (or for the part the broker took before a send failed), written while the
    // next batch goes out: it only ever names what the broker acknowledged, and checkpoints stay in order
    // because each waits for the one before.
    if (checkpointed.length > 0) this.checkpointing = this.checkpoint(checkpointed);
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** A lane's events, in order, in sends no bigger per partition than the broker takes; stops at a failed send. */
  private async sendLane(lane: number, outgoing: readonly Outgoing[]): Promise<void> {
    if (outgoing.length === 0) return;
    const { topic, maxSendBytes = DEFAULT_MAX_SEND_BYTES } = this.options;
    const producer = await this.producer(lane);
    for (const chunk of chunksByPartitionSize(
      outgoing,
      maxSendBytes,
      (item) => item.size,
      (item) => item.partition,
    )) {
      try {
        await producer.send({ topic, acks: -1, messages: chunk.map(({ message }) => message) });
      } catch (error) {
        throw chunk.length === 1 && (error as { type?: string }).type === 'MESSAGE_TOO_LARGE'
          ? new Error(
              `event ${chunk[0].event.eventId} (${chunk[0].size} bytes) is larger than the broker takes ` +
                `(message.max.bytes); the relay retries it and holds back the checkpoint and the events after it ` +
                `in its partition until the limit is raised`,
              { cause: error },
            )
          : error;
      }
      for (const { event } of chunk) this.acknowledgedAhead.add(event.globalPosition);
      this.published += chunk.length;
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
    const producers = this.producers.splice(0);
    await Promise.all(producers.map(async (producer) => (await producer.catch(() => undefined))?.disconnect()));
  }
}

const PARTITION_CACHE_SIZE = 100_000;

/**
 * kafkajs's default partitioner (the key's murmur2 hash, as the Java client), less its per-message work when
 * the relay has already chosen the partition.
 */
const partitionChosenOrByKey: ICustomPartitioner = () => {
  const byKey = Partitioners.DefaultPartitioner();
  return (args) => args.message.partition ?? byKey(args);
};

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
