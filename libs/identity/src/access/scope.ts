import { ForbiddenError } from '../errors';
import { scopeKey, type Principal, type ScopeKind } from '../principal';

export interface ScopeRequirement {
  readonly kind: ScopeKind;
  readonly id: string;
}

export function isInScope(principal: Principal, kind: ScopeKind, id: string): boolean {
  return principal.scope[scopeKey(kind)] === id;
}

function describeHeld(principal: Principal, kinds: readonly ScopeKind[]): string {
  const held = [...new Set(kinds)].map((kind) => {
    const id = principal.scope[scopeKey(kind)];
    return id ? `${kind} ${id}` : `no ${kind} scope`;
  });
  return held.join(', ');
}

/** Throws `ForbiddenError` unless the principal's scope claim of this kind is this id. */
export function assertInScope(principal: Principal, kind: ScopeKind, id: string): void {
  assertInAnyScope(principal, [{ kind, id }]);
}

/** Throws `ForbiddenError` unless the principal is in at least one of the scopes, naming them all. */
export function assertInAnyScope(principal: Principal, requirements: readonly ScopeRequirement[]): void {
  if (requirements.some(({ kind, id }) => isInScope(principal, kind, id))) return;
  if (requirements.length === 0) throw new ForbiddenError('needs a scope, and the resource names none');
  const needed = requirements.map(({ kind, id }) => `${kind} ${id}`).join(' or ');
  throw new ForbiddenError(
    `needs scope ${needed} (has ${describeHeld(
      principal,
      requirements.map((r) => r.kind),
    )})`,
  );
}
