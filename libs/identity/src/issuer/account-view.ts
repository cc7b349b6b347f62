import { z } from 'zod';
import { ROLES, type Principal, type PrincipalScope, type Role, type VerificationLevel } from '../principal';
import type { Account } from './account.entity';

export function principalOfAccount(account: Account): Principal {
  return {
    subject: account.id,
    displayName: account.displayName,
    roles: account.roles,
    scope: account.scope,
    verification: account.verification,
  };
}

/** What the API shows of an account: never the password hash or the lock counters. */
export interface AccountView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly scope: PrincipalScope;
  readonly verification: VerificationLevel;
  readonly verifiedAt: string | null;
  readonly createdAt: string;
  /** Only on a disabled account. */
  readonly disabledAt?: string;
  /** Only on an account an officer refused to verify. */
  readonly refusal?: { readonly at: string; readonly reason: string };
}

/** The answer's schema of an `AccountView`, for the OpenAPI document. */
export const accountViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  scope: z.object({
    cityId: z.string().optional(),
    districtId: z.string().optional(),
    streetId: z.string().optional(),
    communityId: z.string().optional(),
    gridId: z.string().optional(),
    departmentId: z.string().optional(),
  }),
  verification: z.enum(['unverified', 'verified']),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  disabledAt: z.string().optional().describe('Only on a disabled account.'),
  refusal: z.object({ at: z.string(), reason: z.string() }).optional().describe('Only on an account an officer refused to verify.'),
});

/** `GET /api/auth/accounts/pending`: the residents waiting for the caller to verify them, oldest first. */
export const pendingResidentsAnswer = z.object({ items: z.array(accountViewSchema) });

export function accountView(account: Account): AccountView {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    roles: account.roles,
    scope: account.scope,
    verification: account.verification,
    verifiedAt: account.verifiedAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
    ...(account.disabledAt ? { disabledAt: account.disabledAt.toISOString() } : {}),
    ...(account.refusedAt ? { refusal: { at: account.refusedAt, reason: account.refusalReason ?? '' } } : {}),
  };
}
