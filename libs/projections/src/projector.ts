import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { ConsumerDefinition } from '@gongzhi/messaging';

/**
 * A read model and the consumer that keeps it: `handle` changes rows through the transaction's
 * EntityManager, which also records the event in the inbox and the position, so each event counts once.
 */
export interface Projector<Event extends { readonly eventId: string; readonly recordedAt?: string }> extends ConsumerDefinition<Event> {
  /** The read model's tables: emptied by a rebuild before the replay. */
  readonly entities: readonly EntityTarget<ObjectLiteral>[];
}
