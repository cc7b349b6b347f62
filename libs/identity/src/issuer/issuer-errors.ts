import { IdentityError } from '../errors';

/** Unknown username or wrong password: the answer does not say which (401). */
export class InvalidCredentialsError extends IdentityError {
  constructor(note = '') {
    super('AUTH.INVALID_CREDENTIALS', `wrong username or password${note}`);
  }
}

/** Too many login attempts from one address, or failures that have not waited out their delay (429). */
export class TooManyLoginAttemptsError extends IdentityError {
  constructor(readonly retryAfterSeconds: number) {
    super('AUTH.TOO_MANY_ATTEMPTS', `too many login attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export class InvalidRefreshTokenError extends IdentityError {
  constructor(reason: string) {
    super('AUTH.INVALID_REFRESH_TOKEN', `the refresh token is not valid: ${reason}`);
  }
}

/** A refresh token that was already used came back: its whole session was revoked (401). */
export class RefreshTokenReusedError extends IdentityError {
  constructor() {
    super('AUTH.REFRESH_TOKEN_REUSED', 'the refresh token was already used; the session is revoked, log in again');
  }
}

export class UsernameTakenError extends IdentityError {
  constructor(username: string) {
    super('AUTH.USERNAME_TAKEN', `the username ${username} is taken`, { username });
  }
}

export class AccountNotFoundError extends IdentityError {
  constructor(accountId: string) {
    super('AUTH.ACCOUNT_NOT_FOUND', `no account ${accountId}`, { accountId });
  }
}

/** The right password for an account an admin has disabled (403); said only to who knows the password. */
export class AccountDisabledError extends IdentityError {
  constructor() {
    super('AUTH.ACCOUNT_DISABLED', 'the account is disabled; ask an administrator');
  }
}

/** An officer refusing a resident who is already verified (409): verification is not taken back this way. */
export class AlreadyVerifiedError extends IdentityError {
  constructor(accountId: string) {
    super('AUTH.ALREADY_VERIFIED', `the account ${accountId} is already verified`, { accountId });
  }
}
