import { authorityCovers, cityTree, ForbiddenError, hasRole, type Principal, type ScopeRequirement } from '@gongzhi/identity';

/** The staff of a street's internal boards (escalated cases, whistles with officers' notes); never its residents. */
export const STREET_STAFF = ['grid_worker', 'community_officer', 'street_officer', 'supervisor', 'admin'] as const;
/** Who sees a department's work: its own staff, the supervisors who hold it to account, admins. */
export const DEPARTMENT_WATCHERS = ['department_staff', 'supervisor', 'admin'] as const;

function maySee(principal: Principal, { kind, id }: ScopeRequirement): boolean {
  if (hasRole(principal, 'admin')) return true;
  if (kind === 'street') {
    const street = cityTree().placeOfStreet(id);
    if (authorityCovers(principal, street, ['street_officer', 'supervisor'])) return true;
    // Community officers and grid workers work on their own street's cases with its officers.
    return (hasRole(principal, 'community_officer') || hasRole(principal, 'grid_worker')) && principal.scope.streetId === id;
  }
  if (kind === 'department')
    return hasRole(principal, 'supervisor') || (hasRole(principal, 'department_staff') && principal.scope.departmentId === id);
  return false;
}

/** Staff of the street (supervisors of its district) or of the department see its work; residents never see the internal boards. */
export function assertMaySee(principal: Principal, scopes: readonly ScopeRequirement[]): void {
  if (scopes.some((scope) => maySee(principal, scope))) return;
  throw new ForbiddenError(`only staff of ${scopes.map(({ kind, id }) => `${kind} ${id}`).join(' or ')} may see this`);
}
