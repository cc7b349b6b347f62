import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { ensurePgSchema } from '@gongzhi/persistence';
import type { DataSource } from 'typeorm';
import {
  cityTree,
  communityDirectoryOf,
  DEMO_ACCOUNTS,
  DEMO_CLIENTS,
  IDENTITY_DATA_SOURCE,
  IdentityModule,
  useCityTree,
} from '@gongzhi/identity';
import {
  bootstrapHttp,
  cityTreeFromEnv,
  ConfigurationError,
  dataSourceIndicator,
  edgeConfigSchema,
  HealthRegistry,
  issuerSettingsFor,
  loadConfig,
  platformConfigSchema,
  PlatformModule,
  runMain,
  type Environment,
} from '@gongzhi/platform';
import { IDENTITY_SCHEMA, requireAuthSecret } from './standalone-identity';

@Injectable()
class IdentityHealth implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(IDENTITY_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.health.register(dataSourceIndicator(this.dataSource, 'accounts'));
  }
}

@Module({})
class IdentityHealthModule {}

/**
 * The set's issuer as its own small process: the built-in issuer (login, refresh, logout, register, verify)
 * with its accounts in PostgreSQL, so they outlive any restart and every replica sees the same ones. It signs
 * with GONGZHI_AUTH_SECRET, which every service of the set verifies with. GONGZHI_DEMO_DATA=true creates
 * the demo accounts (one per role) and the demo machine clients at first start — for a local set, never for a city's.
 */
export async function startIdentityService(env: Environment = process.env) {
  const secret = requireAuthSecret(env);
  // The issuer has no events and no bus: only the port, the log settings and PostgreSQL are read.
  const config = loadConfig(platformConfigSchema, {
    PORT: env['PORT'],
    GONGZHI_LOG_LEVEL: env['GONGZHI_LOG_LEVEL'],
    GONGZHI_LOG_FORMAT: env['GONGZHI_LOG_FORMAT'] || 'json',
    GONGZHI_PG_URL: env['GONGZHI_PG_URL'],
    GONGZHI_DATA_DIR: env['GONGZHI_DATA_DIR'],
  });
  const pgUrl = config.postgresUrl;
  if (!pgUrl) throw new ConfigurationError(['GONGZHI_PG_URL: not set; the identity service keeps the accounts of the set in PostgreSQL']);
  await ensurePgSchema(pgUrl, IDENTITY_SCHEMA);
  // Sign-in limits, the hashing gate and demo data as every other edge of the set reads them (demo data off unless asked for).
  const edge = loadConfig(edgeConfigSchema, { ...env, GONGZHI_MODE: 'distributed' });
  // Registration checks a resident's community and grid against the city's tree, read from the same reference data
  // as every service of the set, and puts the street above them in the resident's scope.
  useCityTree(cityTreeFromEnv(env));
  const module = {
    module: IdentityHealthModule,
    imports: [
      PlatformModule.forRoot({ serviceName: 'identity', config, edge }),
      IdentityModule.forEmbedded({
        secret,
        database: { type: 'postgres', url: pgUrl, schema: IDENTITY_SCHEMA, connectTimeoutMS: 5_000 },
        demoAccounts: edge.demoData ? DEMO_ACCOUNTS : [],
        demo: edge.demoData,
        demoClients: edge.demoData ? DEMO_CLIENTS : [],
        communities: communityDirectoryOf(cityTree),
        settings: issuerSettingsFor(edge),
      }),
    ],
    providers: [IdentityHealth],
  };
  return bootstrapHttp(module, { serviceName: 'identity', port: config.port, openApi: { title: 'Gongzhi identity API' } });
}

/** The main of `node dist/services/identity/src/main.js`. */
export function runIdentityService(): void {
  runMain(() => startIdentityService());
}
