import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import { Account } from '../../account.entity';
import { AccountDisabledError, InvalidCredentialsError, TooManyLoginAttemptsError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { LOGIN_DELAYS, type LoginDelays } from '../../login-delays';
import { ADDRESS_LOGIN_THROTTLE, LOGIN_THROTTLE, type LoginThrottle } from '../../login-throttle';
import { PASSWORD_HASHER, type PasswordHasher } from '../../password-hash';
import { SessionIssuer, type Session } from '../../session-issuer';

export interface LoginCommand {
  readonly username: string;
  readonly password: string;
  /** The client's address, for the per-address budget and delays. */
  readonly clientAddress: string;
}

/**
 * Cheap refusals first, so a flood costs no hashing: the address's budget across usernames, the
 * username's budget from that address, the delay its failures earned. Then one password hash
 * through the issuer's gate — against a dummy hash for an unknown username, so the answer and its
 * cost are the same whether the account exists or not.
 */
@Injectable()
export class LoginHandler {
  private readonly accounts: Repository<Account>;

  constructor(
    @Inject(IDENTITY_DATA_SOURCE) dataSource: DataSource,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    @Inject(ADDRESS_LOGIN_THROTTLE) private readonly addressThrottle: LoginThrottle,
    @Inject(LOGIN_DELAYS) private readonly delays: LoginDelays,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
  ) {
    this.accounts = dataSource.getRepository(Account);
  }

  async execute({ username: givenName, password, clientAddress }: LoginCommand): Promise<Session> {
    const username = givenName.toLowerCase();
    const delayKey = `${username}|${clientAddress}`;
    const waitSeconds = this.delays.waitSeconds(delayKey);
    if (waitSeconds > 0) throw new TooManyLoginAttemptsError(waitSeconds);
    refuseOverBudget(this.addressThrottle.attempt(clientAddress));
    const perUsername = this.throttle.attempt(delayKey);
    if (!perUsername.allowed) {
      this.addressThrottle.release(clientAddress);
      throw new TooManyLoginAttemptsError(perUsername.retryAfterSeconds);
    }

    let matched: boolean;
    let account: Account | null;
    try {
      account = await this.accounts.findOneBy({ username });
      matched = account ? await this.hasher.verify(password, account.passwordHash) : await this.hasher.verifyAgainstDummy(password);
    } catch (error) {
      // Not an answer about the password (the gate was full): it does not count as a failure.
      this.addressThrottle.release(clientAddress);
      throw error;
    }
    if (!account || !matched) {
      this.delays.recordFailure(delayKey);
      throw new InvalidCredentialsError();
    }
    this.delays.recordSuccess(delayKey);
    this.addressThrottle.release(clientAddress);
    if (account.disabledAt) throw new AccountDisabledError();
    return this.sessions.issue(account);
  }
}

function refuseOverBudget(attempt: ReturnType<LoginThrottle['attempt']>): void {
  if (!attempt.allowed) throw new TooManyLoginAttemptsError(attempt.retryAfterSeconds);
}
