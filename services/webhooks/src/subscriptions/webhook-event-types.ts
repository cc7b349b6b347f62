import { publicEvents, TOPICS, type Topic } from '@gongzhi/contracts';

/**
 * The event types a receiver may subscribe to: the current public contracts of libs/contracts, the same
 * events any Kafka consumer reads. Nothing private is stored as a public event (a ballot's choice never is),
 * and a type without a contract cannot be asked for, so nothing else can leave the platform this way.
 */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [...new Set(publicEvents.contracts().map((contract) => contract.type))].sort();

const topicOfType = new Map<string, Topic>(publicEvents.contracts().map((c) => [c.type, TOPICS[c.service]]));

/** The topic (the producing service's log) an event type is published on. */
export function topicOf(type: string): Topic | undefined {
  return topicOfType.get(type);
}
