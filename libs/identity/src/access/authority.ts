import { ForbiddenError } from '../errors';
import type { PrincipalScope } from '../principal';
import type { Place } from './organisation-tree';

/** Roles whose authority reaches a place through the organisation tree. */
export type PlaceAuthority = 'grid_worker' | 'community_officer' | 'street_officer' | 'supervisor' | 'admin';

/** Structurally a Principal: services may pass their own caller types. */
export interface ScopedActor {
  readonly roles: readonly string[];
  readonly scope: PrincipalScope;
  readonly verification?: 'unverified' | 'verified';
}

/** An id both sides name; an unknown level on either side never matches. */
const same = (held: string | undefined, needed: string | undefined) => held !== undefined && needed !== undefined && held === needed;

function roleCovers(role: PlaceAuthority, scope: PrincipalScope, place: Place): boolean {
  switch (role) {
    case 'grid_worker':
      return same(scope.gridId, place.gridId);
    case 'community_officer':
      return same(scope.communityId, place.communityId);
    case 'street_officer':
      return same(scope.streetId, place.streetId);
    case 'supervisor':
      return same(scope.districtId, place.districtId);
    case 'admin':
      return true;
  }
}

/**
 * Does the actor hold one of these roles with authority over the place? Community officers cover their
 * community, street officers the communities of their street, supervisors their district, admins
 * everywhere, grid workers their grid.
 */
export function authorityCovers(actor: ScopedActor, place: Place, roles: readonly PlaceAuthority[]): boolean {
  return roles.some((role) => actor.roles.includes(role) && roleCovers(role, actor.scope, place));
}

export function describePlace(place: Place): string {
  return place.gridId ?? place.communityId ?? place.streetId ?? place.districtId ?? place.cityId ?? 'an unknown place';
}

/** Throws `ForbiddenError` (403) unless `authorityCovers`; the message names who may act where. */
export function assertAuthorityCovers(actor: ScopedActor, place: Place, roles: readonly PlaceAuthority[], action = 'act'): void {
  if (authorityCovers(actor, place, roles)) return;
  throw new ForbiddenError(`only ${roles.join(' or ')} with authority over ${describePlace(place)} may ${action}`);
}

/** A resident of the place at its own level (community or grid); `verified` when an officer must have confirmed them. */
export function isResidentOf(actor: ScopedActor, place: Place, options: { verified?: boolean } = {}): boolean {
  if (!actor.roles.includes('resident')) return false;
  if (options.verified && actor.verification !== 'verified') return false;
  if (place.gridId !== undefined) return same(actor.scope.gridId, place.gridId);
  if (place.communityId !== undefined) return same(actor.scope.communityId, place.communityId);
  if (place.streetId !== undefined) return same(actor.scope.streetId, place.streetId);
  if (place.districtId !== undefined) return same(actor.scope.districtId, place.districtId);
  return same(actor.scope.cityId, place.cityId);
}
