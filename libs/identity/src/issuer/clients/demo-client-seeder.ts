import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { In, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock';
import { IDENTITY_DATA_SOURCE } from '../issuer-settings';
import { PASSWORD_HASHER, type PasswordHasher } from '../password-hash';
import { formatDemoClients, seedDemoClients, type DemoClient } from './demo-clients';
import { LIVE_CLIENT_SECRETS, type LiveClientSecrets } from './live-client-secrets';
import { ServiceClient } from './service-client.entity';

export interface DemoClientSeeding {
  readonly clients: readonly DemoClient[];
  /** Called with the clients created at this start (none after the first); logs them by default. */
  readonly onCreated?: (created: readonly DemoClient[]) => void;
}

export const DEMO_CLIENT_SEEDING = Symbol('DEMO_CLIENT_SEEDING');

@Injectable()
export class DemoClientSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(DEMO_CLIENT_SEEDING) private readonly seeding: DemoClientSeeding,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(LIVE_CLIENT_SECRETS) private readonly secrets: LiveClientSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.seeding.clients.length === 0) return;
    const clients = this.dataSource.getRepository(ServiceClient);
    const created = await seedDemoClients(clients, this.seeding.clients, {
      now: this.clock.now(),
      hash: (secret) => this.hasher.hash(secret),
    });
    // The secrets loader may have read the table before these rows existed.
    const fresh = await clients.findBy({ id: In(created.map((c) => c.clientId)) });
    for (const client of fresh) this.secrets.accept(client.id, client.secretId);
    if (this.seeding.onCreated) this.seeding.onCreated(created);
    else if (created.length > 0) this.logger.log(`\n${formatDemoClients(created)}`);
  }
}
