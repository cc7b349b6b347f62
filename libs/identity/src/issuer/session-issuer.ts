import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import type { Principal } from '../principal';
import { ACCESS_TOKEN_SIGNER, type AccessTokenSigner } from './access-token-signer';
import type { Account } from './account.entity';
import { principalOfAccount } from './account-view';
import { IDENTITY_DATA_SOURCE, ISSUER_SETTINGS, type IssuerSettings } from './issuer-settings';
import { RefreshToken } from './refresh-token.entity';

/** What login and refresh answer with. */
export interface Session {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds the access token lives. */
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly principal: Principal;
}

/** A refresh answered within the grace of a rotation: the caller's cookie already holds the successor. */
export type AccessOnlySession = Omit<Session, 'refreshToken'>;

/** Refresh tokens are 256 random bits, so a fast hash is enough to keep the stored copy useless. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class SessionIssuer {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ACCESS_TOKEN_SIGNER) private readonly signer: AccessTokenSigner,
    @Inject(ISSUER_SETTINGS) private readonly settings: IssuerSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A fresh access token and the next refresh token of the family (a new family for a new login). */
  async issue(account: Account, familyId: string = uuidv7(this.clock.now().getTime())): Promise<Session> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(RefreshToken).insert({
      id: uuidv7(now.getTime()),
      tokenHash: hashRefreshToken(refreshToken),
      accountId: account.id,
      familyId,
      expiresAt: new Date(now.getTime() + this.settings.refreshTokenTtlSeconds * 1000),
      revokedAt: null,
      createdAt: now,
    });
    const principal = principalOfAccount(account);
    const { accessToken, expiresIn } = await this.signer.sign(principal, familyId);
    return { accessToken, tokenType: 'Bearer', expiresIn, refreshToken, principal };
  }

  /** An access token of an existing session, without rotating its refresh token. */
  async accessOnly(account: Account, familyId: string): Promise<AccessOnlySession> {
    const principal = principalOfAccount(account);
    const { accessToken, expiresIn } = await this.signer.sign(principal, familyId);
    return { accessToken, tokenType: 'Bearer', expiresIn, principal };
  }
}
