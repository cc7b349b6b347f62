import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type DataSource, type DataSourceOptions } from 'typeorm';
import { Account } from './account.entity';
import { ServiceClient } from './clients/service-client.entity';
import { IDENTITY_DATA_SOURCE } from './issuer-settings';
import { RefreshToken } from './refresh-token.entity';
import { platformDataSource } from '@gongzhi/persistence';

/** The built-in issuer's tables; a host that passes its own data source lists these among its entities. */
export const IDENTITY_ENTITIES = [Account, RefreshToken, ServiceClient];

/**
 * The issuer's data source: the host's own (which must list `IDENTITY_ENTITIES` and manage its
 * schema), or one opened from options, whose tables are created when missing.
 */
export async function openIdentityDataSource(source: { dataSource: DataSource } | { database: DataSourceOptions }): Promise<DataSource> {
  if ('dataSource' in source) {
    const { dataSource } = source;
    if (!dataSource.isInitialized) await dataSource.initialize();
    if (!IDENTITY_ENTITIES.every((entity) => dataSource.hasMetadata(entity))) {
      throw new Error(
        'IdentityModule: the data source given must list IDENTITY_ENTITIES (Account, RefreshToken, ServiceClient) among its entities',
      );
    }
    return dataSource;
  }
  const options = { synchronize: true, ...source.database, entities: IDENTITY_ENTITIES } as DataSourceOptions;
  return platformDataSource(options).initialize();
}

export const OWNS_IDENTITY_DATA_SOURCE = Symbol('OWNS_IDENTITY_DATA_SOURCE');

/** Closes the data source the module opened itself; a host's own stays the host's to close. */
@Injectable()
export class IdentityDataSourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OWNS_IDENTITY_DATA_SOURCE) private readonly owned: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.owned && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
