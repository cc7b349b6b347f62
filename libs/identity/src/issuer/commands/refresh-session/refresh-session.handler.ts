import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import { Account } from '../../account.entity';
import { InvalidRefreshTokenError, RefreshTokenReusedError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE, ISSUER_SETTINGS, type IssuerSettings } from '../../issuer-settings';
import { RefreshToken } from '../../refresh-token.entity';
import { hashRefreshToken, SessionIssuer, type AccessOnlySession, type Session } from '../../session-issuer';
import { SESSION_REVOCATIONS, type SessionRevocations } from '../../session-revocations';

export interface RefreshSessionCommand {
  readonly refreshToken: string;
  /**
   * The browser's cookie session: two tabs may send the same token before either sees the rotation.
   * A token rotated within `refreshReuseGraceSeconds`, whose session is still live, then earns an access
   * token only (the cookie already holds its successor); a later replay still revokes the family.
   */
  readonly graceForJustRotated?: boolean;
}

/**
 * Rotation: the presented token is spent and the next one of its family issued, with an access
 * token that carries the account as it is now (roles, scope, verification). A spent token presented
 * again revokes the whole family, so a thief and the victim are both logged out.
 */
@Injectable()
export class RefreshSessionHandler {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SESSION_REVOCATIONS) private readonly revocations: SessionRevocations,
    @Inject(ISSUER_SETTINGS) private readonly settings: IssuerSettings,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute({ refreshToken, graceForJustRotated = false }: RefreshSessionCommand): Promise<Session | AccessOnlySession> {
    const tokens = this.dataSource.getRepository(RefreshToken);
    const now = this.clock.now();
    const stored = await tokens.findOneBy({ tokenHash: hashRefreshToken(refreshToken) });
    if (!stored) throw new InvalidRefreshTokenError('unknown token');
    if (stored.revokedAt) {
      if (graceForJustRotated && (await this.justRotated(stored, now))) return this.accessOnly(stored, now);
      await revokeFamily(this.dataSource, this.revocations, stored.familyId, now);
      throw new RefreshTokenReusedError();
    }
    if (stored.expiresAt <= now) throw new InvalidRefreshTokenError('expired, log in again');

    // Only one of two concurrent refreshes with the same token wins; the other counts as reuse.
    const spent = await tokens.update({ id: stored.id, revokedAt: IsNull() }, { revokedAt: now });
    if (spent.affected !== 1) {
      // The winner may not have stored the successor yet: the race itself is the proof of a rotation just now.
      if (graceForJustRotated) return this.accessOnly(stored, now);
      await revokeFamily(this.dataSource, this.revocations, stored.familyId, now);
      throw new RefreshTokenReusedError();
    }
    const account = await this.liveAccount(stored, now);
    return this.sessions.issue(account, stored.familyId);
  }

  /** Spent by a rotation within the grace, and the family lives on in a successor (not ended by logout or reuse). */
  private async justRotated(stored: RefreshToken, now: Date): Promise<boolean> {
    const spentAt = stored.revokedAt?.getTime() ?? 0;
    if (now.getTime() - spentAt > this.settings.refreshReuseGraceSeconds * 1000) return false;
    return this.dataSource.getRepository(RefreshToken).existsBy({ familyId: stored.familyId, revokedAt: IsNull() });
  }

  private async accessOnly(stored: RefreshToken, now: Date): Promise<AccessOnlySession> {
    return this.sessions.accessOnly(await this.liveAccount(stored, now), stored.familyId);
  }

  private async liveAccount(stored: RefreshToken, now: Date): Promise<Account> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: stored.accountId });
    if (!account) throw new InvalidRefreshTokenError('the account no longer exists');
    if (account.disabledAt) {
      await revokeFamily(this.dataSource, this.revocations, stored.familyId, now);
      throw new InvalidRefreshTokenError('the account is disabled');
    }
    return account;
  }
}

/** Ends a session: its refresh tokens and, through the revocation list, its access tokens. */
export async function revokeFamily(dataSource: DataSource, revocations: SessionRevocations, familyId: string, now: Date): Promise<void> {
  await dataSource.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  revocations.endSession(familyId);
}
