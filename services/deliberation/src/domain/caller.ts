import { DomainError } from '@gongzhi/eventsourcing';

/**
 * Who issues a command, as the domain needs to know it: structurally the identity library's Principal,
 * declared here so the deciders stay free of infrastructure.
 */
export interface Caller {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly scope: { readonly communityId?: string; readonly gridId?: string };
  readonly verification: 'unverified' | 'verified';
}

export const OFFICER_ROLES = ['community_officer', 'street_officer', 'admin'] as const;

export function hasAnyRole(caller: Caller, roles: readonly string[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}

/** Officers act on their own community only (street officers and admins on every community they see). */
export function assertOfficerOf(caller: Caller, communityId: string, code = 'TOPIC.FORBIDDEN'): void {
  if (caller.roles.includes('admin') || caller.roles.includes('street_officer')) return;
  if (caller.roles.includes('community_officer') && caller.scope.communityId === communityId) return;
  throw new DomainError(code, `needs a community officer of ${communityId}`, { communityId });
}

/** Residents act in their own community only. */
export function assertResidentOf(caller: Caller, communityId: string, code = 'TOPIC.FORBIDDEN'): void {
  if (caller.roles.includes('resident') && caller.scope.communityId === communityId) return;
  throw new DomainError(code, `needs a resident of ${communityId}`, { communityId });
}
