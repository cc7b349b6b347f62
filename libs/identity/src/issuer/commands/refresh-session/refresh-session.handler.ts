import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import { Account } from '../../account.entity';
import { InvalidRefreshTokenError, RefreshTokenReusedError } from '../../issuer-errors';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { RefreshToken } from '../../refresh-token.entity';
import { hashRefreshToken, SessionIssuer, type Session } from '../../session-issuer';
import { SESSION_REVOCATIONS, type SessionRevocations } from '../../session-revocations';

export interface RefreshSessionCommand {
  readonly refreshToken: string;
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
    private readonly sessions: SessionIssuer,
  ) {}

  async execute({ refreshToken }: RefreshSessionCommand): Promise<Session> {
    const tokens = this.dataSource.getRepository(RefreshToken);
    const now = this.clock.now();
    const stored = await tokens.findOneBy({ tokenHash: hashRefreshToken(refreshToken) });
    if (!stored) throw new InvalidRefreshTokenError('unknown token');
    if (stored.revokedAt) {
      await revokeFamily(this.dataSource, this.revocations, stored.familyId, now);
      throw new RefreshTokenReusedError();
    }
    if (stored.expiresAt <= now) throw new InvalidRefreshTokenError('expired, log in again');

    // Only one of two concurrent refreshes with the same token wins; the other counts as reuse.
    const spent = await tokens.update({ id: stored.id, revokedAt: IsNull() }, { revokedAt: now });
    if (spent.affected !== 1) {
      await revokeFamily(this.dataSource, this.revocations, stored.familyId, now);
      throw new RefreshTokenReusedError();
    }
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: stored.accountId });
    if (!account) throw new InvalidRefreshTokenError('the account no longer exists');
    if (account.disabledAt) {
      await revokeFamily(this.dataSource, this.revocations, stored.familyId, now);
      throw new InvalidRefreshTokenError('the account is disabled');
    }
    return this.sessions.issue(account, stored.familyId);
  }
}

/** Ends a session: its refresh tokens and, through the revocation list, its access tokens. */
export async function revokeFamily(dataSource: DataSource, revocations: SessionRevocations, familyId: string, now: Date): Promise<void> {
  await dataSource.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  revocations.endSession(familyId);
}
