import type { z } from 'zod';
import { edgeConfigSchema, loadConfigs, platformConfigSchema, type EdgeConfig, type Environment, type PlatformConfig } from '@gongzhi/platform';
import type { HostedService } from './service-definition';

/** Each service's parsed settings by service name, for `composeHostModule`. */
export type ServiceSettings = ReadonlyMap<string, unknown>;

/** What a process is started with: the platform's configuration, the edge's, and every service's settings. */
export interface ProcessConfiguration {
  readonly platform: PlatformConfig;
  readonly edge: EdgeConfig;
  readonly services: ServiceSettings;
}

const SERVICE_KEY = 'service:';

/**
 * Checks the platform's, the edge's and every service's variables together, before anything is opened, and
 * throws one `ConfigurationError` naming every variable at fault, whichever service it belongs to.
 */
export function loadProcessConfiguration(services: readonly HostedService[], env: Environment): ProcessConfiguration {
  const loaded = loadConfigs({ platform: platformConfigSchema, edge: edgeConfigSchema, ...settingsSchemasOf(services) }, env) as Record<string, unknown>;
  return { platform: loaded.platform as PlatformConfig, edge: loaded.edge as EdgeConfig, services: settingsByService(services, loaded) };
}

/** The services' settings alone, from `env`; with `{}`, the defaults a process with none of their variables set gets (tests). */
export function loadServiceSettings(services: readonly HostedService[], env: Environment = {}): ServiceSettings {
  return settingsByService(services, loadConfigs(settingsSchemasOf(services), env));
}

function settingsSchemasOf(services: readonly HostedService[]): Record<string, z.ZodType> {
  const schemas: Record<string, z.ZodType> = {};
  for (const service of services) if (service.settings) schemas[`${SERVICE_KEY}${service.name}`] = service.settings;
  return schemas;
}

function settingsByService(services: readonly HostedService[], loaded: Readonly<Record<string, unknown>>): ServiceSettings {
  return new Map(services.map((service) => [service.name, loaded[`${SERVICE_KEY}${service.name}`]]));
}
