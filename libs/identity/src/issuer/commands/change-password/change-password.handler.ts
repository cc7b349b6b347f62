import { Inject, Injectable } from '@nestjs/common';
import { IsNull, Not, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import { ValidationFailedError } from '../../../errors';
import { Account } from '../../account.entity';
import { AccountNotFoundError, TooManyLoginAttemptsError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { LOGIN_DELAYS, type LoginDelays } from '../../login-delays';
import { PASSWORD_HASHER, type PasswordHasher } from '../../password-hash';
import { RefreshToken } from '../../refresh-token.entity';
import { SESSION_REVOCATIONS, type SessionRevocations } from '../../session-revocations';
import { revokeFamily } from '../refresh-session/refresh-session.handler';
import type { ChangePasswordRequest } from './change-password.request';

export interface ChangePasswordCommand extends ChangePasswordRequest {
  readonly accountId: string;
  /** The session asking; it stays signed in, every other one is ended. */
  readonly sessionId: string | undefined;
  readonly clientAddress: string;
}

/**
 * The current password proves it is the owner and not someone holding a stolen access token; wrong
 * guesses earn the same growing delays as at login. The new password ends every other session (a
 * change after a suspected theft must log the thief out).
 */
@Injectable()
export class ChangePasswordHandler {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(LOGIN_DELAYS) private readonly delays: LoginDelays,
    @Inject(SESSION_REVOCATIONS) private readonly revocations: SessionRevocations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<void> {
    const accounts = this.dataSource.getRepository(Account);
    const account = await accounts.findOneBy({ id: command.accountId });
    if (!account) throw new AccountNotFoundError(command.accountId);
    const delayKey = `${account.username}|${command.clientAddress}`;
    const waitSeconds = this.delays.waitSeconds(delayKey);
    if (waitSeconds > 0) throw new TooManyLoginAttemptsError(waitSeconds);
    if (!(await this.hasher.verify(command.currentPassword, account.passwordHash))) {
      this.delays.recordFailure(delayKey);
      throw new ValidationFailedError([{ path: 'currentPassword', message: 'does not match the current password' }]);
    }
    this.delays.recordSuccess(delayKey);

    await accounts.update({ id: account.id }, { passwordHash: await this.hasher.hash(command.newPassword) });
    const now = this.clock.now();
    const live = await this.dataSource.getRepository(RefreshToken).find({
      where: { accountId: account.id, revokedAt: IsNull(), ...(command.sessionId ? { familyId: Not(command.sessionId) } : {}) },
      select: { familyId: true },
    });
    for (const familyId of new Set(live.map((token) => token.familyId))) {
      await revokeFamily(this.dataSource, this.revocations, familyId, now);
    }
  }
}
