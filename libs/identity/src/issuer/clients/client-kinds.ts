import type { Principal } from '../../principal';
import type { ServiceClient } from './service-client.entity';

/**
 * What a client may do follows from its kind, through the same roles and scope claims a person's
 * token carries, so every route's `@Allow` and every handler's scope check apply to it unchanged:
 * - a department system is its department's staff, for that department only;
 * - the 12345 hotline reports cases and reads the ones it reported, as a resident does;
 * - an analytics reader has no role: it reads what any signed-in caller may read, and issues no command.
 */
export const CLIENT_KINDS = ['department_system', 'hotline', 'analytics'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

type ClientGrant = Pick<ServiceClient, 'id' | 'displayName' | 'kind' | 'departmentId'>;

export function principalOfClient(client: ClientGrant): Principal {
  const base = { subject: client.id, displayName: client.displayName, verification: 'verified', kind: 'service' } as const;
  switch (client.kind) {
    case 'department_system':
      return { ...base, roles: ['department_staff'], scope: { departmentId: client.departmentId ?? undefined } };
    case 'hotline':
      return { ...base, roles: ['resident'], scope: {} };
    case 'analytics':
      return { ...base, roles: [], scope: {} };
    default: {
      const unknownKind: never = client.kind;
      throw new Error(`unknown client kind ${String(unknownKind)}`);
    }
  }
}

/** The OAuth `scope` a client's tokens carry (RFC 6749 §3.3), in words an integrator reads. */
export function scopesOfClient(client: ClientGrant): string[] {
  switch (client.kind) {
    case 'department_system':
      return ['department:work', `department:${client.departmentId}`];
    case 'hotline':
      return ['cases:report', 'cases:read-own'];
    case 'analytics':
      return ['read'];
    default: {
      const unknownKind: never = client.kind;
      throw new Error(`unknown client kind ${String(unknownKind)}`);
    }
  }
}

/** What the API shows of a client: never its secret or the secret's hash. */
export interface ClientView {
  readonly clientId: string;
  readonly displayName: string;
  readonly kind: ClientKind;
  readonly departmentId: string | null;
  readonly scope: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly secretIssuedAt: string;
  readonly revokedAt: string | null;
}

export function clientView(client: ServiceClient): ClientView {
  return {
    clientId: client.id,
    displayName: client.displayName,
    kind: client.kind,
    departmentId: client.departmentId,
    scope: scopesOfClient(client).join(' '),
    createdAt: client.createdAt.toISOString(),
    createdBy: client.createdBy,
    secretIssuedAt: client.secretIssuedAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}
