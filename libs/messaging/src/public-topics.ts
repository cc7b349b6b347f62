import { ConfigResourceTypes, type Kafka } from 'kafkajs';

/**
 * Public topics (and their dead-letter topics) keep every message: a consumer that starts late, or a
 * projector rebuilt from offset 0, must find the whole history on the topic, not the broker's default
 * seven days of it.
 */
export const KEEP_FOREVER = [{ name: 'retention.ms', value: '-1' }] as const;

/**
 * Creates the topics that are missing with KEEP_FOREVER, and sets it on those that exist with a
 * shorter retention (a broker's auto-creation, an operator's script). Whoever touches a topic first —
 * the relay that publishes to it, a consumer that subscribes to it, the k8s Job — leaves it kept forever.
 */
export function ensureTopicsKeepHistory(kafka: Kafka, topics: readonly string[]): Promise<void> {
  return whileTopicsSettle(() => ensureOnce(kafka, topics));
}

/**
 * Services starting together on a fresh broker create the same topics at once; until the broker has settled,
 * metadata answers "unknown topic" or "no leader" for a topic being created, and kafkajs gives up on some of
 * those at once. They pass within a second or two, so a start retries them instead of failing the process.
 */
export async function whileTopicsSettle<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= 30 || !isRetriable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 100 * attempt)));
    }
  }
}

function isRetriable(error: unknown): boolean {
  // kafkajs' wrappers may carry no original error: nothing to retry on then.
  const { retriable, name, originalError, errors } = (error ?? {}) as {
    retriable?: boolean;
    name?: string;
    originalError?: unknown;
    errors?: unknown[];
  };
  if (retriable) return true;
  if (name === 'KafkaJSAggregateError') return (errors ?? []).every(isRetriable);
  // The client's own retries ran out on a retriable error: kafkajs wraps it.
  return name === 'KafkaJSNumberOfRetriesExceeded' ? isRetriable(originalError) : false;
}

async function ensureOnce(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin
        .createTopics({ topics: missing.map((topic) => ({ topic, configEntries: [...KEEP_FOREVER] })), waitForLeaders: true })
        .catch((error: unknown) => {
          // Two processes creating the same topic at once: the other one won, which is as good.
          if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
        });
    }
    const present = topics.filter((topic) => existing.has(topic));
    if (present.length === 0) return;
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: present.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms'] })),
    });
    const short = resources.filter((resource) =>
      resource.configEntries.some((entry) => entry.configName === 'retention.ms' && entry.configValue !== '-1'),
    );
    if (short.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: short.map((resource) => ({
          type: ConfigResourceTypes.TOPIC,
          name: resource.resourceName,
          configEntries: [...KEEP_FOREVER],
        })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
