import { DomainError } from '@gongzhi/eventsourcing';
import { authorityCovers, cityTree, isResidentOf } from '@gongzhi/identity';

/**
 * Who issues a command, as the domain needs to know it: structurally the identity library's Principal,
 * declared here so the deciders stay free of infrastructure.
 */
export interface Caller {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly scope: {
    readonly cityId?: string;
    readonly districtId?: string;
    readonly streetId?: string;
    readonly communityId?: string;
    readonly gridId?: string;
  };
  readonly verification: 'unverified' | 'verified';
  /** `service`: a registered machine client (the 12345 hotline …), named as such in the events it causes. */
  readonly kind?: 'user' | 'service';
}

export const OFFICER_ROLES = ['community_officer', 'street_officer', 'admin'] as const;

export function hasAnyRole(caller: Caller, roles: readonly string[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}

/** Community officers act on their own community, street officers on the communities of their street, admins anywhere. */
export function assertOfficerOf(caller: Caller, communityId: string, code = 'TOPIC.FORBIDDEN'): void {
  if (authorityCovers(caller, cityTree().placeOfCommunity(communityId), OFFICER_ROLES)) return;
  throw new DomainError(code, `needs an officer of ${communityId} (its community officer, its street's officer, or an admin)`, {
    communityId,
  });
}

/** Supervisors oversee the communities of their own district; admins everywhere. */
export function assertSupervisorOf(caller: Caller, communityId: string, code = 'TOPIC.FORBIDDEN'): void {
  if (authorityCovers(caller, cityTree().placeOfCommunity(communityId), ['supervisor', 'admin'])) return;
  throw new DomainError(code, `needs a supervisor of the district of ${communityId}`, { communityId });
}

/** Verified residents of the community: one account per person an officer has met, so fresh accounts weigh nothing. */
export function assertVerifiedResidentOf(caller: Caller, communityId: string, code = 'TOPIC.FORBIDDEN'): void {
  if (isResidentOf(caller, { communityId }, { verified: true })) return;
  throw new DomainError(code, `needs a verified resident of ${communityId}`, { communityId });
}

/** Residents act in their own community only. */
export function assertResidentOf(caller: Caller, communityId: string, code = 'TOPIC.FORBIDDEN'): void {
  if (caller.roles.includes('resident') && caller.scope.communityId === communityId) return;
  throw new DomainError(code, `needs a resident of ${communityId}`, { communityId });
}
