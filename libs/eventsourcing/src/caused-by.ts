import type { CommandMetadata } from './command-handler';
import type { Actor } from './envelope';

/** The envelope fields of the event a policy reacts to (a public event or a recorded one). */
export interface CausingEvent {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly correlationId?: string;
}

/**
 * Metadata of a command a policy issues in reaction to an event: caused by it and in its correlation, so a
 * trace follows the chain. `now` defaults to the event's own time, so a redelivery decides exactly as the first
 * delivery did.
 */
export function metadataCausedBy(event: CausingEvent, actor: Actor, now: Date = new Date(event.occurredAt)): CommandMetadata {
  return { actor, now, correlationId: event.correlationId, causationId: event.eventId };
}
