import type { CommandMetadata } from '@gongzhi/eventsourcing';
import { commandMetadataFor, type Principal } from '@gongzhi/identity';

/** Metadata of a principal's command; a resident acting on a case they reported anonymously stays anonymous. */
export function metadataFor(principal: Principal, now: Date, anonymous = false): CommandMetadata {
  if (anonymous) return { actor: { id: 'anonymous', kind: 'user', roles: ['resident'] }, now };
  return commandMetadataFor(principal, now);
}
