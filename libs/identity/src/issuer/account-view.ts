import type { Principal, PrincipalScope, Role, VerificationLevel } from '../principal';
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
