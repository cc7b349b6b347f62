import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { IsNull, type DataSource } from 'typeorm';
import { AuthenticationError } from '../../errors';
import type { Principal } from '../../principal';
import type { TokenVerifier } from '../../token-verifier';
import { IDENTITY_DATA_SOURCE } from '../issuer-settings';
import { sessionIdOf } from '../session-revocations';
import { ServiceClient } from './service-client.entity';

/**
 * The current secret of every live client, by the id its tokens carry as `sid`. A client token is good
 * only while its secret is the client's current one: a rotation or a revocation ends the tokens already
 * out at once, in the issuer's own process, as a disabled account's are. Kept in memory (clients are
 * few) and reloaded at start.
 */
export class LiveClientSecrets {
  private readonly current = new Map<string, string>();

  accept(clientId: string, secretId: string): void {
    this.current.set(clientId, secretId);
  }

  revoke(clientId: string): void {
    this.current.delete(clientId);
  }

  refuses(clientId: string, secretId: string | undefined): boolean {
    return secretId === undefined || this.current.get(clientId) !== secretId;
  }
}

export const LIVE_CLIENT_SECRETS = Symbol('LIVE_CLIENT_SECRETS');

/** The built-in issuer's verifier for machines: a good signature is not enough once the secret changed. */
export class ClientAwareVerifier implements TokenVerifier {
  constructor(
    private readonly inner: TokenVerifier,
    private readonly secrets: LiveClientSecrets,
  ) {}

  async verify(token: string): Promise<Principal> {
    const principal = await this.inner.verify(token);
    if (principal.kind === 'service' && this.secrets.refuses(principal.subject, sessionIdOf(token))) {
      throw new AuthenticationError('AUTH.INVALID_TOKEN', "the client's secret was rotated or the client revoked; ask for a new token");
    }
    return principal;
  }
}

@Injectable()
export class LiveClientSecretsLoader implements OnApplicationBootstrap {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LIVE_CLIENT_SECRETS) private readonly secrets: LiveClientSecrets,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const live = await this.dataSource.getRepository(ServiceClient).find({ where: { revokedAt: IsNull() }, select: { id: true, secretId: true } });
    for (const client of live) this.secrets.accept(client.id, client.secretId);
  }
}
