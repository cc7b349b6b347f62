import { Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { useCityTree } from '@gongzhi/identity';
import {
  bootstrapHttp,
  cityTreeFromEnv,
  HealthRegistry,
  PlatformMetrics,
  PlatformModule,
  runMain,
  type PlatformConfig,
} from '@gongzhi/platform';
import { composeHostModule } from './compose-host-module';
import {
  openDistributedReadModel,
  openDistributedService,
  type DistributedReadModel,
  type DistributedService,
} from './distributed-service';
import { countAppendedEvents, registerInfrastructureHealth } from './infrastructure-health';
import { isReadModelService, type HostedService } from './service-definition';
import { loadProcessConfiguration } from './service-settings';
import { standaloneIdentity } from './standalone-identity';

const DISTRIBUTED_SERVICE = Symbol('DISTRIBUTED_SERVICE');

@Injectable()
class StandaloneLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DISTRIBUTED_SERVICE) private readonly service: DistributedService | DistributedReadModel,
    private readonly health: HealthRegistry,
    private readonly metrics: PlatformMetrics,
  ) {}

  onModuleInit(): void {
    registerInfrastructureHealth(this.health, this.service.infrastructure);
    countAppendedEvents(this.metrics, this.service.infrastructure);
    if ('relay' in this.service) {
      this.metrics.trackRelay(this.service.infrastructure.service, {
        store: this.service.infrastructure.eventStore,
        relay: this.service.relay,
      });
    }
  }

  /** After the service's consumers and timers have stopped: the relay finishes its batch, then the stores close. */
  async onApplicationShutdown(): Promise<void> {
    await this.service.close();
  }
}

@Module({})
class StandaloneLifecycleModule {}

/** Opens one service alone in distributed mode and serves its HTTP API; resolves with the running app. */
export async function startStandaloneService(service: HostedService, config: PlatformConfig, env: NodeJS.ProcessEnv = process.env) {
  if (config.mode !== 'distributed' || config.eventStore.kind === 'sqlite' || config.bus.kind !== 'kafka') {
    throw new Error(`${service.name} alone runs in distributed mode: set GONGZHI_MODE=distributed (npm start runs the embedded default)`);
  }
  // Checked before anything is opened, so a bad value or a missing secret stops the start with its name and nothing half-migrated.
  const { edge, services: settings } = loadProcessConfiguration([service], env);
  // Scoped authority is decided on the city's tree, read from the reference data grid-events files cases in.
  useCityTree(cityTreeFromEnv(env));
  const identity = standaloneIdentity(env);
  const pgUrl = config.postgresUrl!;
  const distributed = isReadModelService(service)
    ? await openDistributedReadModel(service, {
        pgUrl,
        kafkaBrokers: config.bus.brokers,
        kafkaSessionTimeoutMs: config.bus.sessionTimeoutMs,
        log: config.log,
      })
    : await openDistributedService(service, {
        eventStore: config.eventStore.kind,
        eventStoreUrl: config.eventStore.kind === 'eventstoredb' ? config.eventStore.url : undefined,
        pgUrl,
        kafkaBrokers: config.bus.brokers,
        kafkaSessionTimeoutMs: config.bus.sessionTimeoutMs,
        log: config.log,
      });
  const module = composeHostModule({
    services: [service],
    settings,
    ...('service' in distributed.infrastructure
      ? { infrastructure: new Map([[service.name, distributed.infrastructure]]) }
      : { infrastructure: new Map(), readModels: new Map([[service.name, distributed.infrastructure]]) }),
    imports: [
      PlatformModule.forRoot({ serviceName: service.name, config, edge }),
      identity,
      { module: StandaloneLifecycleModule, providers: [{ provide: DISTRIBUTED_SERVICE, useValue: distributed }, StandaloneLifecycle] },
    ],
  });
  return bootstrapHttp(module, { serviceName: service.name, port: config.port, openApi: { title: `Gongzhi ${service.name} API` } });
}

/** The main of `node dist/services/<name>/src/main.js`: configuration from the environment, then start. */
export function runStandaloneService(service: HostedService): void {
  runMain(() => startStandaloneService(service, loadProcessConfiguration([service], process.env).platform));
}
