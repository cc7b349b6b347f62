import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { Account } from './account.entity';
import { formatDemoAccounts, seedDemoAccounts, type DemoAccount } from './demo-accounts';
import { IDENTITY_DATA_SOURCE } from './issuer-settings';

export interface DemoAccountSeeding {
  readonly accounts: readonly DemoAccount[];
  /** Called with the accounts created at this start (none after the first); logs them by default. */
  readonly onCreated?: (created: readonly DemoAccount[]) => void;
}

export const DEMO_ACCOUNT_SEEDING = Symbol('DEMO_ACCOUNT_SEEDING');

@Injectable()
export class DemoAccountSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(DEMO_ACCOUNT_SEEDING) private readonly seeding: DemoAccountSeeding,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.seeding.accounts.length === 0) return;
    const created = await seedDemoAccounts(this.dataSource.getRepository(Account), this.seeding.accounts, {
      now: this.clock.now(),
    });
    if (this.seeding.onCreated) this.seeding.onCreated(created);
    else if (created.length > 0) this.logger.log(`\n${formatDemoAccounts(created)}`);
  }
}
