import { DomainError } from '@gongzhi/eventsourcing';
import { authorityCovers, hasRole, type Principal } from '@gongzhi/identity';
import type { GridPlace } from '../reference-data/reference-data';

/** Where a case is: the grid and everything above it. */
export type CasePlace = Pick<GridPlace, 'cityId' | 'districtId' | 'streetId' | 'communityId'> & { readonly gridId: string };

export const placeOf = (grid: GridPlace): CasePlace => ({
  cityId: grid.cityId,
  districtId: grid.districtId,
  streetId: grid.streetId,
  communityId: grid.communityId,
  gridId: grid.grid.id,
});

/** Grid workers act in their grid; community and street officers in their community or street. */
export function triagesHere(principal: Principal, place: CasePlace): boolean {
  return authorityCovers(principal, place, ['grid_worker', 'community_officer', 'street_officer']);
}

/** Staff who may read a case: its triage staff, supervisors of its district, admins of its city, and the department on it. */
export function overseesHere(principal: Principal, place: CasePlace, departmentId: string | null): boolean {
  const s = principal.scope;
  return (
    triagesHere(principal, place) ||
    (hasRole(principal, 'supervisor') && (s.districtId === place.districtId || (!s.districtId && s.cityId === place.cityId))) ||
    (hasRole(principal, 'admin') && s.cityId === place.cityId) ||
    (hasRole(principal, 'department_staff') && departmentId !== null && s.departmentId === departmentId)
  );
}

export function forbidden(message: string): DomainError {
  return new DomainError('CASE.FORBIDDEN', message);
}

export function assertTriagesHere(principal: Principal, place: CasePlace, action: string): void {
  if (!triagesHere(principal, place)) {
    throw forbidden(`only the grid's workers or the community's or street's officers may ${action} this case (grid ${place.gridId})`);
  }
}

export function assertStreetOrCommunityOfficer(principal: Principal, place: CasePlace, action: string): void {
  if (!authorityCovers(principal, place, ['community_officer', 'street_officer']))
    throw forbidden(`only the community's or street's officers may ${action} this case`);
}
