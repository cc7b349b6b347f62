import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopic } from '@gongzhi/contracts';
import { fromParseResult, handleBatch, type ParsedItem } from './batch-handler';
import type { ConsumerDefinition, EventBus, RunningConsumer, StartConsumerOptions } from './consumer-definition';
import { headersAsStrings } from './wire-format';

export interface KafkaEventBusOptions {
  readonly kafka: Kafka;
  /** Session timeout of the consumer groups; lower in tests so a dead member is noticed sooner. */
  readonly sessionTimeoutMs?: number;
}

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
    const consumer: Consumer = kafka.consumer({
      groupId: definition.name,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3_000, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 3)),
      allowAutoTopicCreation: true,
    });
    const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
    await Promise.all([consumer.connect(), producer.connect(), ensureTopics(kafka, definition.topics)]);
    for (const topic of definition.topics) await consumer.subscribe({ topic, fromBeginning: true });

    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => this.handle(definition, options, producer, payload),
    });

    return {
      async stop() {
        await consumer.disconnect();
        await producer.disconnect();
      },
    };
  }

  private async handle<Event extends { readonly eventId: string; readonly recordedAt?: string }>(
    definition: ConsumerDefinition<Event>,
    options: StartConsumerOptions,
    producer: Producer,
    { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload,
  ): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const items = batch.messages.map((message) => parseMessage(definition, message));
    const deadLetters = {
      send: (message: KafkaMessage, reason: string) =>
        producer
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
    options.onProgress?.({
      source: `${batch.topic}:${batch.partition}`,
      lagEvents: Math.max(0, Number(batch.highWatermark) - Number(last.offset) - 1),
      lastRecordedAt: lastEvent?.recordedAt ?? null,
    });
  }
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
 * Creates topics nobody has published to yet (a service started before the one it listens to):
 * subscribing to a missing topic fails while the broker is still creating it.
 */
async function ensureTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing.map((topic) => ({ topic })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
