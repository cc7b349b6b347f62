import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import { hasRole, type Principal } from '../../../principal';
import { Account } from '../../account.entity';
import { accountView, type AccountView } from '../../account-view';
import { AccountNotFoundError, AlreadyVerifiedError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { assertAnswersFor } from '../verify-account/verify-account.handler';

export interface RefuseAccountCommand {
  readonly accountId: string;
  readonly reason: string;
  readonly officer: Principal;
}

/**
 * The officer who could verify a resident says they cannot (nobody of that name at that address): the
 * account stays unverified, leaves the pending list and carries the reason, so the resident knows what
 * to bring. It can still be verified later, when the resident comes by the office.
 */
@Injectable()
export class RefuseAccountHandler {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, reason, officer }: RefuseAccountCommand): Promise<AccountView> {
    const accounts = this.dataSource.getRepository(Account);
    const account = await accounts.findOneBy({ id: accountId });
    if (!account) throw new AccountNotFoundError(accountId);
    if (!hasRole(officer, 'admin')) assertAnswersFor(officer, account);
    if (account.verification === 'verified') throw new AlreadyVerifiedError(accountId);

    const refusal = { refusedAt: this.clock.now().toISOString(), refusedBy: officer.subject, refusalReason: reason };
    await accounts.update({ id: account.id }, refusal);
    return accountView({ ...account, ...refusal });
  }
}
