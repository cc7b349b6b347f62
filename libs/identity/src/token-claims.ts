import { z } from 'zod';
import { isRole, SCOPE_KINDS, scopeKey, type Principal, type PrincipalScope, type ScopeKind } from './principal';

/**
 * The access token's claims, the same for the built-in issuer and an external identity provider:
 *
 *   sub    the principal's id                      "0196…"            (required)
 *   name   display name                            "王秀英"
 *   roles  array of roles (unknown ones ignored)   ["street_officer"]
 *   vl     verification level                      "verified" | "unverified" (absent: unverified)
 *   city, district, street, community, grid, department
 *          flat scope claims, one id each          "street": "street-nanjingdong"
 *
 * Scope claims are flat rather than one `scope` object because OAuth already gives `scope` a meaning
 * (a space-separated list of granted scopes) that an external provider will fill in.
 */
export type AccessTokenClaims = {
  sub: string;
  name?: string;
  roles: string[];
  vl: Principal['verification'];
} & Partial<Record<ScopeKind, string>>;

const optionalId = z.string().min(1).optional();

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  roles: z.array(z.string()).optional(),
  vl: z.enum(['unverified', 'verified']).optional(),
  city: optionalId,
  district: optionalId,
  street: optionalId,
  community: optionalId,
  grid: optionalId,
  department: optionalId,
});

/** Reads a verified payload; returns the first claim at fault when it does not fit. */
export function principalFromClaims(payload: unknown): { principal: Principal } | { fault: string } {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { fault: `claim ${issue.path.join('.') || '(payload)'}: ${issue.message}` };
  }
  const claims = parsed.data;
  const scope: Record<string, string> = {};
  for (const kind of SCOPE_KINDS) {
    const id = claims[kind];
    if (id !== undefined) scope[scopeKey(kind)] = id;
  }
  return {
    principal: {
      subject: claims.sub,
      ...(claims.name === undefined ? {} : { displayName: claims.name }),
      roles: (claims.roles ?? []).filter(isRole),
      scope: scope as PrincipalScope,
      verification: claims.vl ?? 'unverified',
    },
  };
}

export function claimsFromPrincipal(principal: Principal): AccessTokenClaims {
  const claims: AccessTokenClaims = { sub: principal.subject, roles: [...principal.roles], vl: principal.verification };
  if (principal.displayName !== undefined) claims.name = principal.displayName;
  for (const kind of SCOPE_KINDS) {
    const id = principal.scope[scopeKey(kind)];
    if (id !== undefined) claims[kind] = id;
  }
  return claims;
}
