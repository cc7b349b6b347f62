import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Clock } from '@gongzhi/eventsourcing';
import { IDENTITY_DATA_SOURCE } from '@gongzhi/identity';
import type { CityLife } from './history/city-life';
import { CityLifeRunner } from './history/city-life-runner';
import { DemoClient } from './history/demo-client';
import { meetTheCity } from './history/meet-the-city';
import { SeededRandom } from './history/seeded-random';

const DEMO_LIFE_OPTIONS = Symbol('DEMO_LIFE_OPTIONS');

export interface DemoLifeOptions {
  readonly clock: Clock;
  /** Moments of city life per minute (GONGZHI_DEMO_LIFE_RATE). */
  readonly ratePerMinute: number;
  readonly seed?: number;
  readonly log?: (text: string) => void;
}

/**
 * The demo city's simulator inside the running host: once the host listens, its residents and staff go on
 * reporting, dispatching, whistling, deliberating, volunteering and co-building through the host's own HTTP
 * API at the configured rate; it stops, its last request finished, as the host starts closing.
 */
@Injectable()
export class DemoLife implements OnApplicationBootstrap, OnModuleDestroy {
  readonly runner: CityLifeRunner;
  private life?: Promise<CityLife>;

  constructor(
    @Inject(DEMO_LIFE_OPTIONS) private readonly options: DemoLifeOptions,
    private readonly modules: ModuleRef,
    private readonly http: HttpAdapterHost,
  ) {
    this.runner = new CityLifeRunner(
      () => this.cityLife(),
      Math.round(60_000 / options.ratePerMinute),
      (error) => options.log?.(`The demo city's simulator skipped a moment: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  /** The first of the host's closing steps: no moment is half-lived while the services and stores close. */
  onModuleDestroy(): Promise<void> {
    return this.runner.stop();
  }

  /** The city life once the host listens (undefined before): its people and places are read from the API. */
  private cityLife(): Promise<CityLife | undefined> {
    const address = this.http.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null | undefined;
    if (!address || typeof address === 'string') return Promise.resolve(undefined);
    this.life ??= (async () => {
      const client = new DemoClient(this.modules, `http://127.0.0.1:${address.port}`, this.options.clock);
      const identity = this.modules.get<DataSource>(IDENTITY_DATA_SOURCE, { strict: false });
      return meetTheCity(client, identity, new SeededRandom(this.options.seed ?? this.options.clock.now().getTime()));
    })();
    // A failed introduction is tried again at the next moment.
    this.life.catch(() => (this.life = undefined));
    return this.life;
  }
}

@Module({})
export class DemoLifeModule {
  static forRoot(options: DemoLifeOptions): DynamicModule {
    return { module: DemoLifeModule, providers: [{ provide: DEMO_LIFE_OPTIONS, useValue: options }, DemoLife], exports: [DemoLife] };
  }
}
