import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopic } from '@gongzhi/contracts';
import { fromParseResult, handleBatch, type ParsedItem } from './batch-handler';
import type { ConsumerDefinition, EventBus, RunningConsumer, StartConsumerOptions } from './consumer-definition';
import { ensureTopicsKeepHistory, whileTopicsSettle } from './public-topics';
import { headersAsStrings } from './wire-format';

export interface KafkaEventBusOptions {
  readonly kafka: Kafka;
  /**
   * Session timeout of the consumer groups: how long a member killed with -9 (no goodbye) keeps its partitions, and
   * how long a member restored by a restarted broker is waited for. Default 6 s, the least a broker allows by default
   * (group.min.session.timeout.ms); the deployment files' broker allows less, and their services ask for 3 s.
   */
  readonly sessionTimeoutMs?: number;
  /** How often a consumer's distance to the head of its topics is measured; default 2 s. */
  readonly lagProbeIntervalMs?: number;
}

const DEFAULT_SESSION_TIMEOUT_MS = 6_000;

/**
 * Consumers in consumer groups (one group per consumer name, partitions shared among its members).
 * Each batch is validated and upcast, applied with its inbox rows in one database transaction, and only
 * then are its offsets committed: a crash in between redelivers, and the inbox absorbs the repeat.
 */
export class KafkaEventBus implements EventBus {
  constructor(private readonly options: KafkaEventBusOptions) {}

  async start<Event extends { readonly eventId: string; readonly recordedAt?: string }>(
    definition: ConsumerDefinition<Event>,
    options: StartConsumerOptions,
  ): Promise<RunningConsumer> {
    const { kafka } = this.options;
    const sessionTimeout = this.options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    const consumer: Consumer = kafka.consumer({
      groupId: definition.name,
      sessionTimeout,
      heartbeatInterval: Math.min(1_000, Math.floor(sessionTimeout / 3)),
      // kafkajs heartbeats between fetches, and an idle fetch waits this long for data: it must fit in the session
      // a few times over, or a quiet consumer would be dropped from its group.
      maxWaitTimeInMs: Math.min(5_000, Math.floor(sessionTimeout / 3)),
      allowAutoTopicCreation: true,
      // The supervisor: kafkajs restarts a consumer after a retriable crash by itself; this makes it restart after
      // any crash too (a broker gone longer than the retries last), at once, instead of leaving it stopped for good.
      retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 8, restartOnFailure: async () => true },
    });
    // The dead-letter producer connects on its first dead letter, not at start: most consumers never need it, and
    // a restarted process serves sooner with one connection less to open.
    const producer = lazilyConnected(kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true }));
    await Promise.all([consumer.connect(), this.keepHistory(definition.topics)]);
    for (const topic of definition.topics) await whileTopicsSettle(() => consumer.subscribe({ topic, fromBeginning: true }));

    // Joining the group is not waited for: after a kill -9 the broker holds the partitions for the dead member's
    // session, and a process that waited for that before serving HTTP took commands seconds later than it could.
    // The consumer takes its partitions when the join completes; kafkajs crashes and restarts it if the join fails.
    const joined = consumer
      .run({
        autoCommit: true,
        eachBatchAutoResolve: false,
        eachBatch: async (payload) => this.handle(definition, options, producer, payload),
      })
      .catch(() => undefined);

    const probe = options.onProgress
      ? probeLag(kafka, definition, options.onProgress, this.lastRecordedAt, this.options.lagProbeIntervalMs ?? 2_000)
      : undefined;

    return {
      async stop() {
        await probe?.stop();
        // A join still under way would mark the consumer running after a disconnect made in the middle of it.
        await joined;
        await consumer.disconnect();
        await producer.disconnect();
      },
    };
  }

  /** Topics this bus has already made to keep their history: each is checked once per process, not per consumer. */
  private readonly topicsKept = new Map<string, Promise<void>>();

  private keepHistory(topics: readonly string[]): Promise<unknown> {
    const unchecked = topics.filter((topic) => !this.topicsKept.has(topic));
    if (unchecked.length > 0) {
      const kept = ensureTopicsKeepHistory(this.options.kafka, unchecked);
      for (const topic of unchecked) this.topicsKept.set(topic, kept);
      kept.catch(() => unchecked.forEach((topic) => this.topicsKept.delete(topic)));
    }
    return Promise.all(topics.map((topic) => this.topicsKept.get(topic)));
  }

  /** The recorded-at time of the last event each consumer handled per partition, for the probe's reports. */
  private readonly lastRecordedAt = new Map<string, string | null>();

  private async handle<Event extends { readonly eventId: string; readonly recordedAt?: string }>(
    definition: ConsumerDefinition<Event>,
    options: StartConsumerOptions,
    producer: LazyProducer,
    { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload,
  ): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const items = batch.messages.map((message) => parseMessage(definition, message));
    const deadLetters = {
      send: async (message: KafkaMessage, reason: string) =>
        (await producer.connected())
          .send({
            topic: deadLetterTopic(batch.topic),
            acks: -1,
            messages: [
              {
                key: message.key,
                value: message.value,
                headers: {
                  ...headersAsStrings(message.headers),
                  'dlq-reason': reason,
                  'dlq-consumer': definition.name,
                  'dlq-original-topic': batch.topic,
                  'dlq-original-partition': String(batch.partition),
                  'dlq-original-offset': message.offset,
                },
              },
            ],
          })
          .then(() => undefined),
    };
    // While its database is away the batch waits (heartbeating), and is given up only when the consumer stops.
    await handleBatch(definition, options, items, deadLetters, undefined, { isRunning: () => isRunning() && !isStale(), heartbeat });
    const last = batch.messages[batch.messages.length - 1];
    resolveOffset(last.offset);
    await commitOffsetsIfNecessary();
    await heartbeat();
    const lastEvent = items.reverse().find((item) => item.event)?.event;
    const source = `${batch.topic}:${batch.partition}`;
    if (lastEvent?.recordedAt) this.lastRecordedAt.set(`${definition.name}/${source}`, lastEvent.recordedAt);
    options.onProgress?.({
      source,
      lagEvents: Math.max(0, Number(batch.highWatermark) - Number(last.offset) - 1),
      lastRecordedAt: lastEvent?.recordedAt ?? null,
    });
  }
}

interface LazyProducer {
  /** The producer, connected on the first call. */
  connected(): Promise<Producer>;
  /** Disconnects it if it was ever connected. */
  disconnect(): Promise<void>;
}

function lazilyConnected(producer: Producer): LazyProducer {
  let connecting: Promise<void> | undefined;
  return {
    async connected() {
      connecting ??= producer.connect().catch((error: unknown) => {
        connecting = undefined;
        throw error;
      });
      await connecting;
      return producer;
    },
    async disconnect() {
      if (connecting) await producer.disconnect();
    },
  };
}

function parseMessage<Event extends { readonly eventId: string }>(
  definition: ConsumerDefinition<Event>,
  message: KafkaMessage,
): ParsedItem<Event, KafkaMessage> {
  let envelope: unknown;
  try {
    envelope = JSON.parse(message.value === null ? '' : message.value.toString('utf8'));
  } catch (error) {
    return { source: message, invalid: `value is not JSON: ${(error as Error).message}` };
  }
  return fromParseResult(definition.parser.parse(envelope), message);
}

/**
 * The consumer's lag as the distance from its group's committed offsets to the head of each partition, measured
 * every few seconds. Reports made only when a batch arrives would freeze at their last value — "caught up, lag 0" —
 * exactly when the pipeline stalls and no batch comes; this keeps rising then. While the broker is away nothing
 * can be measured, and the last figures stand.
 */
function probeLag<Event extends { readonly eventId: string }>(
  kafka: Kafka,
  definition: ConsumerDefinition<Event>,
  onProgress: NonNullable<StartConsumerOptions['onProgress']>,
  lastRecordedAt: ReadonlyMap<string, string | null>,
  intervalMs: number,
): { stop(): Promise<void> } {
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  let running = true;
  const measure = async () => {
    connected ??= admin.connect().catch((error: unknown) => {
      connected = undefined;
      throw error;
    });
    await connected;
    const committed = await admin.fetchOffsets({ groupId: definition.name, topics: [...definition.topics] });
    for (const { topic, partitions } of committed) {
      const heads = await admin.fetchTopicOffsets(topic);
      for (const head of heads) {
        const done = partitions.find((p) => p.partition === head.partition)?.offset ?? '-1';
        const from = Number(done) >= 0 ? Number(done) : Number(head.low);
        const source = `${topic}:${head.partition}`;
        onProgress({
          source,
          lagEvents: Math.max(0, Number(head.high) - from),
          lastRecordedAt: lastRecordedAt.get(`${definition.name}/${source}`) ?? null,
        });
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    timer = setTimeout(() => {
      void measure()
        .catch(() => undefined)
        .finally(() => {
          if (running) loop();
        });
    }, intervalMs);
  };
  loop();
  return {
    async stop() {
      running = false;
      clearTimeout(timer);
      if (connected) await admin.disconnect().catch(() => undefined);
    },
  };
}
