import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import { ACCESS_TOKEN_SIGNER, type AccessTokenSigner } from '../../access-token-signer';
import { principalOfClient, scopesOfClient } from '../../clients/client-kinds';
import { OAuthTokenError } from '../../clients/client-errors';
import { ServiceClient } from '../../clients/service-client.entity';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { PASSWORD_HASHER, type PasswordHasher } from '../../password-hash';
import type { ClientCredentialsRequest } from './token-request';

/** RFC 6749 §5.1. */
export interface TokenAnswer {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
}

/**
 * Client credentials (RFC 6749 §4.4): a registered, unrevoked client with its current secret gets an
 * access token for itself. An unknown client costs one hash like a known one, so the answer does not
 * tell which ids exist. No refresh token: the client simply asks again (§4.4.3).
 */
@Injectable()
export class ClientCredentialsTokenHandler {
  private readonly clients: Repository<ServiceClient>;

  constructor(
    @Inject(IDENTITY_DATA_SOURCE) dataSource: DataSource,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(ACCESS_TOKEN_SIGNER) private readonly signer: AccessTokenSigner,
  ) {
    this.clients = dataSource.getRepository(ServiceClient);
  }

  async execute(request: ClientCredentialsRequest): Promise<TokenAnswer> {
    const client = await this.clients.findOneBy({ id: request.clientId });
    const matched = client
      ? await this.hasher.verify(request.clientSecret, client.secretHash)
      : await this.hasher.verifyAgainstDummy(request.clientSecret);
    if (!client || !matched || client.revokedAt)
      throw new OAuthTokenError('invalid_client', 'unknown client, wrong secret, or a revoked client');
    const granted = scopesOfClient(client);
    const beyond = (request.scope ?? []).filter((scope) => !granted.includes(scope));
    if (beyond.length > 0)
      throw new OAuthTokenError('invalid_scope', `not granted to this client: ${beyond.join(' ')} (granted: ${granted.join(' ')})`);
    const { accessToken, expiresIn } = await this.signer.sign(principalOfClient(client), client.secretId);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: granted.join(' ') };
  }
}
