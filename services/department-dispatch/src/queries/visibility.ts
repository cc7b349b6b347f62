import { assertInAnyScope, hasRole, type Principal, type ScopeRequirement } from '@gongzhi/identity';

/** Supervisors and admins see every department's and street's work; others only their own department's or street's. */
export function assertMaySee(principal: Principal, scopes: readonly ScopeRequirement[]): void {
  if (hasRole(principal, 'supervisor') || hasRole(principal, 'admin')) return;
  assertInAnyScope(principal, scopes);
}
