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
 *   client_id  the OAuth client (RFC 9068 §2.2)    "demo-hotline-12345"
 *          equal to `sub` on a client-credentials token: the principal is that machine (`kind: 'service'`)
 *
 * Scope claims are flat rather than one `scope` object because OAuth already gives `scope` a meaning
 * (a space-separated list of granted scopes) that an external provider will fill in.
 */
export type AccessTokenClaims = {
  sub: string;
  name?: string;
  roles: string[];
  vl: Principal['verification'];
  client_id?: string;
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
  client_id: optionalId,
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
      ...(claims.client_id !== undefined && claims.client_id === claims.sub ? { kind: 'service' as const } : {}),
    },
  };
}

export function claimsFromPrincipal(principal: Principal): AccessTokenClaims {
  const claims: AccessTokenClaims = { sub: principal.subject, roles: [...principal.roles], vl: principal.verification };
  if (principal.displayName !== undefined) claims.name = principal.displayName;
  if (principal.kind === 'service') claims.client_id = principal.subject;
  for (const kind of SCOPE_KINDS) {
    const id = principal.scope[scopeKey(kind)];
    if (id !== undefined) claims[kind] = id;
  }
  return claims;
}
