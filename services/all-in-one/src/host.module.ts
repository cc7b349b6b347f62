import { join, resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { systemClock, type Clock } from '@gongzhi/eventsourcing';
import { DEMO_ACCOUNTS, DEMO_COMMUNITIES, formatDemoAccounts, identityConfigFromEnv, IdentityModule } from '@gongzhi/identity';
import { PlatformModule, type PlatformConfig } from '@gongzhi/platform';
import { composeHostModule, openEmbeddedPlatform, ownerOnlyDatabaseFile, type HostedService } from '@gongzhi/runtime';
import { WebStaticModule } from '@gongzhi/web-static';
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
  services: readonly HostedService[];
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  log?: (text: string) => void;
  /** The built web app; dist/web by default. */
  webRoot?: string;
}): Promise<DynamicModule> {
  const { config, services } = options;
  const clock = options.clock ?? systemClock;
  const platform = await openEmbeddedPlatform(config.dataDir, services, clock);
  const identityConfig = identityConfigFromEnv(options.env ?? process.env, { secretFile: join(config.dataDir, 'auth-secret') });
  const identity =
    identityConfig.mode === 'jwks'
      ? IdentityModule.forJwks({ ...identityConfig, clock })
      : IdentityModule.forEmbedded({
          secret: identityConfig.secret,
          database: { type: 'better-sqlite3', database: ownerOnlyDatabaseFile(join(config.dataDir, 'identity.sqlite')) },
          demoAccounts: DEMO_ACCOUNTS,
          communities: DEMO_COMMUNITIES,
          onDemoAccountsCreated: (created) => {
            if (created.length > 0) options.log?.(formatDemoAccounts(created));
          },
          clock,
        });
  return composeHostModule({
    services,
    infrastructure: platform.infrastructure,
      readModels: platform.readModels,
    imports: [
      PlatformModule.forRoot({ serviceName: 'all-in-one', config }),
      identity,
      // The built front end (npm run build:web), served at / after every API route.
      WebStaticModule.forRoot({ root: options.webRoot ?? resolve(__dirname, '../../../dist/web') }),
      {
        module: HostLifecycleModule,
        providers: [{ provide: EMBEDDED_PLATFORM, useValue: platform }, HostLifecycle],
      },
    ],
  });
}
