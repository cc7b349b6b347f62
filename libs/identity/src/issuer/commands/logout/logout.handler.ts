import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { RefreshToken } from '../../refresh-token.entity';
import { hashRefreshToken } from '../../session-issuer';
import { SESSION_REVOCATIONS, type SessionRevocations } from '../../session-revocations';
import { revokeFamily } from '../refresh-session/refresh-session.handler';

export interface LogoutCommand {
  readonly refreshToken: string;
}

/** Ends the session the refresh token belongs to. Idempotent: an unknown token is already logged out. */
@Injectable()
export class LogoutHandler {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SESSION_REVOCATIONS) private readonly revocations: SessionRevocations,
  ) {}

  async execute({ refreshToken }: LogoutCommand): Promise<void> {
    const stored = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: hashRefreshToken(refreshToken) });
    if (stored) await revokeFamily(this.dataSource, this.revocations, stored.familyId, this.clock.now());
  }
}
