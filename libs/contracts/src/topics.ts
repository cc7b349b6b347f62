/**
 * One Kafka topic per service. Every message is keyed by its stream id (`case-<id>`, `whistle-<id>` …),
 * so the events of one aggregate stay in order on one partition.
 * The `.v1` suffix is the topic's own version: it changes only if the topic's keying or envelope does,
 * never for a new event type or a new schema version of an event (those live inside the topic).
 */
export const TOPICS = {
  'grid-events': 'gongzhi.grid-events.v1',
  'department-dispatch': 'gongzhi.department-dispatch.v1',
  deliberation: 'gongzhi.deliberation.v1',
  points: 'gongzhi.points.v1',
  'co-building': 'gongzhi.co-building.v1',
} as const;

export type ServiceName = keyof typeof TOPICS;
export type Topic = (typeof TOPICS)[ServiceName];

export const SERVICE_NAMES = Object.keys(TOPICS) as readonly ServiceName[];

/** Where a consumer of `topic` sends the messages it cannot process, with the reason (see `DeadLetter`). */
export function deadLetterTopic<T extends string>(topic: T): `${T}.dlq` {
  return `${topic}.dlq`;
}
