import type { RecordedEvent } from '@gongzhi/eventsourcing';

/** What a consumer learns of a message before its handler sees it. */
export type ParseResult<Event> =
  { readonly kind: 'ok'; readonly event: Event } | { readonly kind: 'unknown' } | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Validates an envelope against its contract and upcasts it to the latest schema version.
 * `@gongzhi/contracts`' registry is one; a consumer of private events may pass `acceptAll`.
 */
export interface EventParser<Event = RecordedEvent> {
  parse(envelope: unknown): ParseResult<Event>;
}

/** Hands every well-formed envelope over as it is. */
export const acceptAll: EventParser<RecordedEvent> = {
  parse(envelope) {
    const e = envelope as Partial<RecordedEvent> | null;
    if (!e || typeof e !== 'object' || typeof e.eventId !== 'string' || typeof e.type !== 'string') {
      return { kind: 'invalid', reason: 'not an event envelope: eventId and type are required' };
    }
    return { kind: 'ok', event: e as RecordedEvent };
  },
};
