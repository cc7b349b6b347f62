import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandMetrics } from './command-metrics';
import { isReadModelService, type HostedService, type ReadModelInfrastructure, type ServiceInfrastructure } from './service-definition';
import { loadServiceSettings, type ServiceSettings } from './service-settings';

export interface HostModuleOptions {
  readonly services: readonly HostedService[];
  readonly infrastructure: ReadonlyMap<string, ServiceInfrastructure>;
  readonly readModels?: ReadonlyMap<string, ReadModelInfrastructure>;
  /** Each service's settings (`loadProcessConfiguration`); absent, the defaults of an empty environment (tests). */
  readonly settings?: ServiceSettings;
  /** Identity (embedded issuer or JWKS), the platform shell, the web app …: imported as they are. */
  readonly imports?: readonly DynamicModule[];
}

@Module({})
class HostModule {}

/** The root module of a process: the shell's modules and each service's module on its infrastructure. */
export function composeHostModule(options: HostModuleOptions): DynamicModule {
  const settings = options.settings ?? loadServiceSettings(options.services);
  return {
    module: HostModule,
    providers: [CommandMetrics],
    imports: [
      // The one CommandBus of the process: service modules do not import CqrsModule themselves, or each
      // would get a bus of its own that CommandMetrics does not see.
      CqrsModule.forRoot(),
      ...(options.imports ?? []),
      ...options.services.map((service) => {
        const infrastructure = isReadModelService(service)
          ? options.readModels?.get(service.name)
          : options.infrastructure.get(service.name);
        if (!infrastructure) throw new Error(`No infrastructure was opened for ${service.name}`);
        return isReadModelService(service)
          ? service.module(infrastructure as ReadModelInfrastructure, settings.get(service.name))
          : service.module(infrastructure as ServiceInfrastructure, settings.get(service.name));
      }),
    ],
  };
}
