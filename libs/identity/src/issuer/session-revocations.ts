import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { AuthenticationError } from '../errors';
import type { Principal } from '../principal';
import type { TokenVerifier } from '../token-verifier';
import { Account } from './account.entity';
import { IDENTITY_DATA_SOURCE, ISSUER_SETTINGS, type IssuerSettings } from './issuer-settings';
import { RefreshToken } from './refresh-token.entity';

/**
 * Sessions (refresh-token families) ended before their access tokens expire — logout, a replayed
 * refresh token, a password change, a disabled account — and disabled accounts. Access tokens are
 * stateless for 15 minutes; this list is what lets the issuer's own process refuse them sooner.
 * Kept in memory: only what ended within one access-token lifetime matters, and it is reloaded at start.
 */
export class SessionRevocations {
  /** Session id → when it ended; forgotten once every access token of it has expired anyway. */
  private readonly endedSessions = new Map<string, number>();
  private readonly disabledAccounts = new Set<string>();

  constructor(
    private readonly accessTokenTtlSeconds: number,
    private readonly clock: Clock,
  ) {}

  endSession(sessionId: string): void {
    const now = this.clock.now().getTime();
    if (this.endedSessions.size > PRUNE_ABOVE_SESSIONS) {
      for (const [id, endedAt] of this.endedSessions) if (endedAt + this.accessTokenTtlSeconds * 1000 < now) this.endedSessions.delete(id);
    }
    this.endedSessions.set(sessionId, now);
  }

  disableAccount(accountId: string): void {
    this.disabledAccounts.add(accountId);
  }

  enableAccount(accountId: string): void {
    this.disabledAccounts.delete(accountId);
  }

  refuses(accountId: string, sessionId: string | undefined): boolean {
    return this.disabledAccounts.has(accountId) || (sessionId !== undefined && this.endedSessions.has(sessionId));
  }
}

const PRUNE_ABOVE_SESSIONS = 10_000;

export const SESSION_REVOCATIONS = Symbol('SESSION_REVOCATIONS');

/** The `sid` claim of an access token the verifier has already accepted. */
export function sessionIdOf(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid?: unknown };
    return typeof payload.sid === 'string' ? payload.sid : undefined;
  } catch {
    return undefined;
  }
}

/** The built-in issuer's verifier: a valid signature is not enough once the session has ended. */
export class RevocationAwareVerifier implements TokenVerifier {
  /** The session of each token seen lately: decoding the token again on every request of a session costs more than the check. */
  private readonly sessions = new Map<string, string | undefined>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly revocations: SessionRevocations,
  ) {}

  async verify(token: string): Promise<Principal> {
    const principal = await this.inner.verify(token);
    if (this.revocations.refuses(principal.subject, this.sessionOf(token))) {
      throw new AuthenticationError(
        'AUTH.INVALID_TOKEN',
        'the session has ended (logout, password change or disabled account); log in again',
      );
    }
    return principal;
  }

  private sessionOf(token: string): string | undefined {
    if (this.sessions.has(token)) return this.sessions.get(token);
    const session = sessionIdOf(token);
    if (this.sessions.size >= REMEMBERED_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(token, session);
    return session;
  }
}

const REMEMBERED_SESSIONS = 10_000;

/** Fills the list at start from what the database says ended within the last access-token lifetime. */
@Injectable()
export class SessionRevocationsLoader implements OnApplicationBootstrap {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SESSION_REVOCATIONS) private readonly revocations: SessionRevocations,
    @Inject(ISSUER_SETTINGS) private readonly settings: IssuerSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const disabled = await this.dataSource.getRepository(Account).find({ where: { disabledAt: Not(IsNull()) }, select: { id: true } });
    for (const { id } of disabled) this.revocations.disableAccount(id);
    const since = new Date(this.clock.now().getTime() - this.settings.accessTokenTtlSeconds * 1000);
    const tokens = this.dataSource.getRepository(RefreshToken);
    const recentlyRevoked = await tokens.find({ where: { revokedAt: MoreThan(since) }, select: { familyId: true } });
    for (const familyId of new Set(recentlyRevoked.map((t) => t.familyId))) {
      // A rotated family has a live newest token: it did not end.
      if (!(await tokens.existsBy({ familyId, revokedAt: IsNull() }))) this.revocations.endSession(familyId);
    }
  }
}
