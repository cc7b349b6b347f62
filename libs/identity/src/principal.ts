import { ANONYMOUS_ACTOR, type Actor, type CommandMetadata } from '@gongzhi/eventsourcing';

/**
 * The roles of DESIGN.md ("Who uses it"), and the third-party evaluator (第三方评估, docs/evaluation.md): an account
 * with no place of its own, whose reach is only what a city admin granted it, named communities for a period.
 */
export const ROLES = [
  'resident',
  'grid_worker',
  'community_officer',
  'street_officer',
  'department_staff',
  'supervisor',
  'admin',
  'evaluator',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The levels of the organisation tree a principal may be bound to, plus the department it works for. */
export const SCOPE_KINDS = ['city', 'district', 'street', 'community', 'grid', 'department'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface PrincipalScope {
  readonly cityId?: string;
  readonly districtId?: string;
  readonly streetId?: string;
  readonly communityId?: string;
  readonly gridId?: string;
  readonly departmentId?: string;
}

export function scopeKey(kind: ScopeKind): keyof PrincipalScope {
  return `${kind}Id`;
}

/** A resident is unverified until a community or street officer confirms who they are. */
export type VerificationLevel = 'unverified' | 'verified';

/** Who is calling, as the access token says. */
export interface Principal {
  readonly subject: string;
  readonly displayName?: string;
  readonly roles: readonly Role[];
  readonly scope: PrincipalScope;
  readonly verification: VerificationLevel;
  /** `service`: a registered client (department system, hotline, analytics) acting for itself, not a person. */
  readonly kind?: 'user' | 'service';
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

/** The actor recorded in a command's metadata and in every event it produces. */
export function toActor(principal: Principal): Actor {
  return { id: principal.subject, kind: principal.kind === 'service' ? 'service' : 'user', roles: [...principal.roles] };
}

/** Who acts, as a handler knows them: a Principal, or a service's own structural copy of one (deliberation's Caller). */
export interface ActingPrincipal {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly kind?: 'user' | 'service';
}

export interface CommandMetadataOptions {
  /** The published envelope names ANONYMOUS_ACTOR instead: a resident who reported anonymously stays so. */
  readonly anonymous?: boolean;
  /** Without one, the store stamps the request's correlation id (ObservedEventStore in libs/runtime). */
  readonly correlationId?: string;
}

/**
 * The metadata a handler hands to `handleCommand`: who, and when by the injected clock. A caller with the
 * `system` role (a service's own timer) acts as the system.
 */
export function commandMetadataFor(principal: ActingPrincipal, now: Date, options: CommandMetadataOptions = {}): CommandMetadata {
  const actor: Actor = options.anonymous
    ? ANONYMOUS_ACTOR
    : principal.roles.includes('system')
      ? { id: principal.subject, kind: 'system' }
      : { id: principal.subject, kind: principal.kind === 'service' ? 'service' : 'user', roles: [...principal.roles] };
  return { actor, now, ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId }) };
}
