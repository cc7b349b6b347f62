import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import { ForbiddenError } from '../../../errors';
import type { Principal } from '../../../principal';
import { Account } from '../../account.entity';
import { accountView, type AccountView } from '../../account-view';
import { AccountNotFoundError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { RefreshToken } from '../../refresh-token.entity';
import { SESSION_REVOCATIONS, type SessionRevocations } from '../../session-revocations';
import { revokeFamily } from '../refresh-session/refresh-session.handler';

export interface SetAccountDisabledCommand {
  readonly accountId: string;
  readonly disabled: boolean;
  readonly admin: Principal;
}

/**
 * An admin disables an account (a departed officer, a stolen demo password): its sessions end and
 * its access tokens stop working at once; enabling it again lets it log in anew. An admin cannot
 * disable themselves, so the last admin cannot lock everyone out by a slip.
 */
@Injectable()
export class SetAccountDisabledHandler {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SESSION_REVOCATIONS) private readonly revocations: SessionRevocations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, disabled, admin }: SetAccountDisabledCommand): Promise<AccountView> {
    const accounts = this.dataSource.getRepository(Account);
    const account = await accounts.findOneBy({ id: accountId });
    if (!account) throw new AccountNotFoundError(accountId);
    if (disabled && account.id === admin.subject) throw new ForbiddenError('an admin cannot disable their own account');
    const now = this.clock.now();
    if (!disabled) {
      await accounts.update({ id: account.id }, { disabledAt: null, disabledBy: null });
      this.revocations.enableAccount(account.id);
      return accountView({ ...account, disabledAt: null, disabledBy: null });
    }
    if (!account.disabledAt) await accounts.update({ id: account.id }, { disabledAt: now, disabledBy: admin.subject });
    this.revocations.disableAccount(account.id);
    const live = await this.dataSource.getRepository(RefreshToken).find({ where: { accountId: account.id, revokedAt: IsNull() }, select: { familyId: true } });
    for (const familyId of new Set(live.map((token) => token.familyId))) await revokeFamily(this.dataSource, this.revocations, familyId, now);
    return accountView({ ...account, disabledAt: account.disabledAt ?? now, disabledBy: account.disabledBy ?? admin.subject });
  }
}
