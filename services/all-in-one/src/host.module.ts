import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { systemClock, type Clock } from '@gongzhi/eventsourcing';
import {
  cityTree,
  communityDirectoryOf,
  DEMO_ACCOUNTS,
  DEMO_CLIENTS,
  formatDemoAccounts,
  formatDemoClients,
  identityConfigFromEnv,
  IdentityModule,
  useCityTree,
} from '@gongzhi/identity';
import {
  cityTreeFromEnv,
  defaultEdgeConfig,
  issuerSettingsFor,
  PlatformModule,
  type EdgeConfig,
  type Environment,
  type PlatformConfig,
} from '@gongzhi/platform';
import { composeHostModule, openEmbeddedPlatform, ownerOnlyDatabaseFile, type HostedService, type ServiceSettings } from '@gongzhi/runtime';
import { WebStaticModule } from '@gongzhi/web-static';
import { demoModules } from './demo/demo-modules';
import { EMBEDDED_PLATFORM, HostLifecycle } from './host-lifecycle';

@Module({})
class HostLifecycleModule {}

/**
 * The all-in-one host: every service module on the embedded adapters (SQLite stores and tables under
 * the data folder, the in-process bus), the built-in issuer with its demo accounts, and the platform
 * shell (health, metrics, errors, logs).
 */
export async function createHostModule(options: {
  config: PlatformConfig;
  /** Demo data, rate limits, exposure of /metrics and /docs; the defaults when absent. */
  edge?: EdgeConfig;
  services: readonly HostedService[];
  /** Each service's settings, checked with the platform's before anything is opened (`loadProcessConfiguration`). */
  settings: ServiceSettings;
  /** The process's environment: the issuer's variables and the city's reference data. */
  env: Environment;
  clock?: Clock;
  log?: (text: string) => void;
  /** The built web app; dist/web by default. */
  webRoot?: string;
}): Promise<DynamicModule> {
  const { config, services } = options;
  const edge = options.edge ?? defaultEdgeConfig();
  const clock = options.clock ?? systemClock;
  // Every service of the host decides scoped authority on the city's tree: the reference data grid-events files cases
  // in (the district-sized demo city `withDemoScale` wrote, the operator's files, or the shipped demo city).
  useCityTree(cityTreeFromEnv(options.env));
  const platform = await openEmbeddedPlatform(config.dataDir, services, clock);
  const identityConfig = identityConfigFromEnv(options.env, { secretFile: join(config.dataDir, 'auth-secret') });
  const identity =
    identityConfig.mode === 'jwks'
      ? IdentityModule.forJwks({ ...identityConfig, clock })
      : IdentityModule.forEmbedded({
          secret: identityConfig.secret,
          database: { type: 'better-sqlite3', database: ownerOnlyDatabaseFile(join(config.dataDir, 'identity.sqlite')) },
          // Published passwords: created only when demo data is asked for (GONGZHI_DEMO_DATA).
          demoAccounts: edge.demoData ? DEMO_ACCOUNTS : [],
          demo: edge.demoData,
          communities: communityDirectoryOf(cityTree),
          settings: issuerSettingsFor(edge),
          onDemoAccountsCreated: (created) => {
            if (created.length > 0) options.log?.(formatDemoAccounts(created));
          },
          demoClients: edge.demoData ? DEMO_CLIENTS : [],
          onDemoClientsCreated: (created) => {
            if (created.length > 0) options.log?.(formatDemoClients(created));
          },
          clock,
        });
  return composeHostModule({
    services,
    settings: options.settings,
    infrastructure: platform.infrastructure,
    readModels: platform.readModels,
    imports: [
      PlatformModule.forRoot({ serviceName: 'all-in-one', config, edge }),
      identity,
      // The built front end (npm run build:web), served at / after every API route.
      WebStaticModule.forRoot({ root: options.webRoot ?? join(repositoryRoot(), 'dist/web') }),
      {
        module: HostLifecycleModule,
        providers: [{ provide: EMBEDDED_PLATFORM, useValue: platform }, HostLifecycle],
      },
      ...demoModules(edge, clock, () => platform, options.log),
    ],
  });
}

/** The repository's folder (where nx.json is), whether this file runs from its source or compiled into dist/. */
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'nx.json'))) return dir;
  return resolve(__dirname, '../../..');
}
