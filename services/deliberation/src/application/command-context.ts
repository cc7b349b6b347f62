import type { Actor, CommandMetadata } from '@gongzhi/eventsourcing';
import type { Caller } from '../domain/caller';

/** The caller of a timer: the deadline itself. */
export const DEADLINE_CALLER: Caller = { subject: 'deliberation-deadline', roles: ['system'], scope: {}, verification: 'verified' };

export function metadataFor(caller: Caller, now: Date, options: { anonymous?: boolean; correlationId?: string } = {}): CommandMetadata {
  // The envelope's actor is published with the event: an anonymous proposer must not appear in it.
  const actor: Actor = options.anonymous
    ? { id: 'anonymous', kind: 'user', roles: ['resident'] }
    : caller.roles.includes('system')
      ? { id: caller.subject, kind: 'system' }
      : { id: caller.subject, kind: caller.kind === 'service' ? 'service' : 'user', roles: [...caller.roles] };
  // Without a named one, the store stamps the request's correlation id (ObservedEventStore in libs/runtime).
  return { actor, now, ...(options.correlationId ? { correlationId: options.correlationId } : {}) };
}
