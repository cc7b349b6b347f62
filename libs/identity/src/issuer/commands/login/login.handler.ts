import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import { Account } from '../../account.entity';
import { AccountLockedError, InvalidCredentialsError, TooManyLoginAttemptsError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE, ISSUER_SETTINGS, type IssuerSettings } from '../../issuer-settings';
import { LOGIN_THROTTLE, type LoginThrottle } from '../../login-throttle';
import { verifyAgainstDecoy, verifyPassword } from '../../password-hash';
import { SessionIssuer, type Session } from '../../session-issuer';

export interface LoginCommand {
  readonly username: string;
  readonly password: string;
  /** The client's address, for the per-address rate limit. */
  readonly clientAddress: string;
}

/**
 * Rate limit first (no database work for a flood), then the lock, then the password. A failure only
 * counts against the account; the lock starts at the configured number of consecutive failures and
 * the count starts over when it ends.
 */
@Injectable()
export class LoginHandler {
  private readonly accounts: Repository<Account>;

  constructor(
    @Inject(IDENTITY_DATA_SOURCE) dataSource: DataSource,
    @Inject(ISSUER_SETTINGS) private readonly settings: IssuerSettings,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionIssuer,
  ) {
    this.accounts = dataSource.getRepository(Account);
  }

  async execute({ username: givenName, password, clientAddress }: LoginCommand): Promise<Session> {
    const username = givenName.toLowerCase();
    const attempt = this.throttle.attempt(`${username}|${clientAddress}`);
    if (!attempt.allowed) throw new TooManyLoginAttemptsError(attempt.retryAfterSeconds);

    const account = await this.accounts.findOneBy({ username });
    if (!account) {
      await verifyAgainstDecoy(password);
      throw new InvalidCredentialsError();
    }
    const now = this.clock.now();
    if (account.lockedUntil && account.lockedUntil > now) {
      throw new AccountLockedError(Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000));
    }
    if (!(await verifyPassword(password, account.passwordHash))) {
      throw await this.recordFailure(account, now);
    }
    if (account.failedLogins > 0 || account.lockedUntil) {
      await this.accounts.update({ id: account.id }, { failedLogins: 0, lockedUntil: null });
    }
    return this.sessions.issue(account);
  }

  private async recordFailure(account: Account, now: Date): Promise<InvalidCredentialsError> {
    // Incremented in the database, so concurrent failures all count.
    await this.accounts.increment({ id: account.id }, 'failedLogins', 1);
    const { failedLogins } = await this.accounts.findOneByOrFail({ id: account.id });
    if (failedLogins < this.settings.lockAfterFailures) return new InvalidCredentialsError();
    const lockedUntil = new Date(now.getTime() + this.settings.lockMinutes * 60_000);
    await this.accounts.update({ id: account.id }, { failedLogins: 0, lockedUntil });
    return new InvalidCredentialsError(`; the account is now locked for ${this.settings.lockMinutes} min`);
  }
}
