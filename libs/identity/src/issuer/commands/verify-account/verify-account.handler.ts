import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { assertInAnyScope, type ScopeRequirement } from '../../../access/scope';
import { CLOCK, type Clock } from '../../../clock';
import { ForbiddenError } from '../../../errors';
import { hasRole, type Principal } from '../../../principal';
import { Account } from '../../account.entity';
import { accountView, type AccountView } from '../../account-view';
import { AccountNotFoundError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';

export interface VerifyAccountCommand {
  readonly accountId: string;
  readonly officer: Principal;
}

/**
 * An officer confirms who a resident is: a community officer of the resident's community, a street
 * officer of its street, or an admin. Verifying a verified account changes nothing. The resident's
 * next access token (after a refresh) says `verified`.
 */
@Injectable()
export class VerifyAccountHandler {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, officer }: VerifyAccountCommand): Promise<AccountView> {
    const accounts = this.dataSource.getRepository(Account);
    const account = await accounts.findOneBy({ id: accountId });
    if (!account) throw new AccountNotFoundError(accountId);
    if (!hasRole(officer, 'admin')) assertAnswersFor(officer, account);
    if (account.verification === 'verified') return accountView(account);

    const verifiedAt = this.clock.now();
    await accounts.update({ id: account.id }, { verification: 'verified', verifiedAt, verifiedBy: officer.subject });
    return accountView({ ...account, verification: 'verified', verifiedAt, verifiedBy: officer.subject });
  }
}

/** A community officer of the account's community, a street officer of its street (an admin needs no check). */
export function assertAnswersFor(officer: Principal, account: Account): void {
  const { communityId, streetId } = account.scope;
  const answerableBy: ScopeRequirement[] = [
    ...(communityId && hasRole(officer, 'community_officer') ? [{ kind: 'community' as const, id: communityId }] : []),
    ...(streetId && hasRole(officer, 'street_officer') ? [{ kind: 'street' as const, id: streetId }] : []),
  ];
  if (answerableBy.length === 0) {
    const where = [communityId && `community ${communityId}`, streetId && `street ${streetId}`].filter(Boolean).join(' or ');
    throw new ForbiddenError(`needs role admin${where ? ` or an officer of ${where}` : ''} (has ${officer.roles.join(', ') || 'no role'})`);
  }
  assertInAnyScope(officer, answerableBy);
}
