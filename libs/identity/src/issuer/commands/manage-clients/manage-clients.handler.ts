import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { randomBytes } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { CLOCK, type Clock } from '../../../clock';
import type { Principal } from '../../../principal';
import { clientView, type ClientView } from '../../clients/client-kinds';
import { ClientIdTakenError, ClientNotFoundError, ClientRevokedError } from '../../clients/client-errors';
import { LIVE_CLIENT_SECRETS, type LiveClientSecrets } from '../../clients/live-client-secrets';
import { ServiceClient } from '../../clients/service-client.entity';
import { IDENTITY_DATA_SOURCE } from '../../issuer-settings';
import { PASSWORD_HASHER, type PasswordHasher } from '../../password-hash';
import type { RegisterClientRequest } from './register-client.request';

/** A client with its new secret: the only answer that ever shows it. */
export type ClientWithSecret = ClientView & { readonly clientSecret: string };

/**
 * An admin's register, rotate and revoke. A secret is 256 random bits shown once and stored only as a
 * hash; rotating or revoking ends the tokens of the old secret at once.
 */
@Injectable()
export class ManageClientsHandler {
  private readonly clients: Repository<ServiceClient>;

  constructor(
    @Inject(IDENTITY_DATA_SOURCE) dataSource: DataSource,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(LIVE_CLIENT_SECRETS) private readonly secrets: LiveClientSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.clients = dataSource.getRepository(ServiceClient);
  }

  async list(): Promise<ClientView[]> {
    return (await this.clients.find({ order: { createdAt: 'ASC' } })).map(clientView);
  }

  async register(request: RegisterClientRequest, admin: Principal): Promise<ClientWithSecret> {
    if (await this.clients.existsBy({ id: request.clientId })) throw new ClientIdTakenError(request.clientId);
    const now = this.clock.now();
    const { secret, secretHash } = await this.newSecret();
    const client: ServiceClient = {
      id: request.clientId,
      displayName: request.displayName,
      kind: request.kind,
      departmentId: request.departmentId ?? null,
      secretHash,
      secretId: uuidv7(now.getTime()),
      secretIssuedAt: now,
      createdAt: now,
      createdBy: admin.subject,
      revokedAt: null,
      revokedBy: null,
    };
    await this.clients.insert(client);
    this.secrets.accept(client.id, client.secretId);
    return { ...clientView(client), clientSecret: secret };
  }

  async rotate(clientId: string): Promise<ClientWithSecret> {
    const client = await this.existing(clientId);
    if (client.revokedAt) throw new ClientRevokedError(clientId);
    const now = this.clock.now();
    const { secret, secretHash } = await this.newSecret();
    const rotated = { ...client, secretHash, secretId: uuidv7(now.getTime()), secretIssuedAt: now };
    await this.clients.update({ id: clientId }, { secretHash, secretId: rotated.secretId, secretIssuedAt: now });
    this.secrets.accept(clientId, rotated.secretId);
    return { ...clientView(rotated), clientSecret: secret };
  }

  /** Revoking twice answers the first revocation; a revoked client is never live again. */
  async revoke(clientId: string, admin: Principal): Promise<ClientView> {
    const client = await this.existing(clientId);
    this.secrets.revoke(clientId);
    if (client.revokedAt) return clientView(client);
    const revoked = { ...client, revokedAt: this.clock.now(), revokedBy: admin.subject };
    await this.clients.update({ id: clientId }, { revokedAt: revoked.revokedAt, revokedBy: revoked.revokedBy });
    return clientView(revoked);
  }

  private async existing(clientId: string): Promise<ServiceClient> {
    const client = await this.clients.findOneBy({ id: clientId });
    if (!client) throw new ClientNotFoundError(clientId);
    return client;
  }

  private async newSecret(): Promise<{ secret: string; secretHash: string }> {
    const secret = randomBytes(32).toString('base64url');
    return { secret, secretHash: await this.hasher.hash(secret) };
  }
}
