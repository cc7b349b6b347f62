import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type DataSource, type Repository } from 'typeorm';
import { Account } from './account.entity';
import { platformDataSource } from '@gongzhi/persistence';

/** Where a distributed set's own issuer keeps its accounts: a PostgreSQL URL and the schema of its tables. */
export interface AccountsDatabase {
  readonly url: string;
  readonly schema: string;
}

export const READ_ONLY_ACCOUNTS = Symbol('READ_ONLY_ACCOUNTS');

/**
 * The set's accounts as its issuer process keeps them, for a service that must know who the residents are (the
 * roll of a vote) but never changes an account. Every session is opened read-only on the server's side, so no
 * code path of the reading service can write to the issuer's tables. Opened at first use, and again after a
 * failure: the issuer may still be creating its tables while the service starts.
 */
export class ReadOnlyAccounts {
  private opening: Promise<DataSource> | undefined;

  constructor(private readonly database: AccountsDatabase) {}

  async repository(): Promise<Repository<Account>> {
    return (await this.open()).getRepository(Account);
  }

  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = undefined;
    const dataSource = await opening?.catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy();
  }

  private open(): Promise<DataSource> {
    this.opening ??= platformDataSource({
      type: 'postgres',
      url: this.database.url,
      schema: this.database.schema,
      entities: [Account],
      synchronize: false,
      connectTimeoutMS: 5_000,
      extra: { options: '-c default_transaction_read_only=on', max: 2 },
    })
      .initialize()
      .catch((error: unknown) => {
        this.opening = undefined;
        throw error;
      });
    return this.opening;
  }
}

/** Closes the reader's connections when the app stops. */
@Injectable()
export class ReadOnlyAccountsCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_ONLY_ACCOUNTS) private readonly accounts: ReadOnlyAccounts) {}

  onApplicationShutdown(): Promise<void> {
    return this.accounts.close();
  }
}
