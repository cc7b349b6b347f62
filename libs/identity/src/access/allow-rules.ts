import { scopeKey, type Principal, type Role, type ScopeKind } from '../principal';

/**
 * Who may call a route: a role, or a role that must also carry a scope claim of some kind and/or
 * be verified. A route allows a principal that satisfies any one of its rules. Whether the scope
 * is the *right* one (this community, this street) depends on the route's params or body, so the
 * handler checks that with `assertInScope`.
 */
export type AllowRule = Role | { readonly role: Role; readonly scope?: ScopeKind; readonly verified?: boolean };

type NormalisedRule = { readonly role: Role; readonly scope?: ScopeKind; readonly verified?: boolean };

const normalise = (rule: AllowRule): NormalisedRule => (typeof rule === 'string' ? { role: rule } : rule);

function satisfies(principal: Principal, rule: NormalisedRule): boolean {
  if (!principal.roles.includes(rule.role)) return false;
  if (rule.scope && !principal.scope[scopeKey(rule.scope)]) return false;
  if (rule.verified && principal.verification !== 'verified') return false;
  return true;
}

function describeRule(rule: NormalisedRule): string {
  const conditions = [...(rule.scope ? [`a ${rule.scope} scope`] : []), ...(rule.verified ? ['verified identity'] : [])];
  return `role ${rule.role}${conditions.length ? ` with ${conditions.join(' and ')}` : ''}`;
}

function describePrincipal(principal: Principal, rules: readonly NormalisedRule[]): string {
  const facts = [principal.roles.length ? principal.roles.join(', ') : 'no role'];
  for (const kind of new Set(rules.flatMap((r) => (r.scope && principal.roles.includes(r.role) ? [r.scope] : [])))) {
    facts.push(principal.scope[scopeKey(kind)] ? `${kind} ${principal.scope[scopeKey(kind)]}` : `no ${kind} scope`);
  }
  if (rules.some((r) => r.verified && principal.roles.includes(r.role))) facts.push(principal.verification);
  return facts.join(', ');
}

/** `undefined` when some rule lets the principal in; otherwise what is missing, e.g. "needs role street_officer (has resident)". */
export function missingForRules(principal: Principal, rules: readonly AllowRule[]): string | undefined {
  const normalised = rules.map(normalise);
  if (normalised.some((rule) => satisfies(principal, rule))) return undefined;
  return `needs ${normalised.map(describeRule).join(' or ')} (has ${describePrincipal(principal, normalised)})`;
}
