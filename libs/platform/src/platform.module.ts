import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { ADMISSION_CHECK } from '@gongzhi/identity';
import { ProjectionMetrics } from '@gongzhi/projections';
import type { Registry } from 'prom-client';
import { defaultEdgeConfig, type EdgeConfig } from './config/edge-config';
import type { PlatformConfig } from './config/platform-config';
import { ErrorStatuses, type ErrorStatusRules } from './http/error-statuses';
import { PlatformExceptionFilter } from './http/platform-exception.filter';
import { RATE_LIMITS, RateLimitAdmission } from './http/rate-limit/rate-limit.admission';
import { HealthController } from './observability/health/health.controller';
import { DEFAULT_HEALTH_CHECK_TIMEOUT_MS, HealthRegistry } from './observability/health/health-registry';
import { HttpObservationMiddleware } from './observability/http-observation.middleware';
import { PinoLogger } from './observability/pino-logger';
import { createMetricsRegistry, METRICS_REGISTRY } from './observability/metrics-registry';
import { MetricsController } from './observability/metrics.controller';
import { PlatformMetrics } from './observability/platform-metrics';

export interface PlatformModuleOptions {
  /** Names the process in every log line (`grid-events`, `all-in-one`). */
  readonly serviceName: string;
  readonly config: PlatformConfig;
  /** DomainError codes → HTTP statuses beyond the platform's (`{ 'CASE.DUPLICATE_REPORT': 409 }`). */
  readonly errorStatuses?: ErrorStatusRules;
  /** How long each health check may take before it counts as down; default 800 ms (probes time out at 1 s). */
  readonly healthCheckTimeoutMs?: number;
  /** Where log lines go; default standard output. */
  readonly writeLog?: (line: string) => void;
  /** Demo data, rate limits, where /metrics and /docs answer; default `defaultEdgeConfig()`. */
  readonly edge?: EdgeConfig;
}

/** The process's configuration, as `PlatformModule.forRoot` was given it. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** The process's `EdgeConfig`, as `PlatformModule.forRoot` was given it. */
export const PLATFORM_EDGE = Symbol('PLATFORM_EDGE');

/**
 * The operability shell of every service and of the all-in-one host; import it once, in the root
 * module. It is global: any module can inject `PlatformMetrics`, `ProjectionMetrics`,
 * `HealthRegistry`, `ErrorStatuses`, `PinoLogger`, `METRICS_REGISTRY` and `PLATFORM_CONFIG`.
 *
 * - every request gets a correlation id (`x-correlation-id`, echoed) in its `RequestContext`, and is
 *   timed into `gongzhi_http_request_duration_seconds`, and written as one access line (`HttpObservationMiddleware`);
 * - every error is answered in the uniform error body (`PlatformExceptionFilter`);
 * - `GET /health`, `GET /health/ready` and `GET /metrics`, all `@Public()`;
 * - the public writes and streams are rate limited per principal and address (`RateLimitAdmission`, the
 *   AuthGuard's admission step).
 */
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: options.config },
        { provide: PLATFORM_EDGE, useValue: options.edge ?? defaultEdgeConfig() },
        { provide: RATE_LIMITS, useFactory: (edge: EdgeConfig) => edge.rateLimits, inject: [PLATFORM_EDGE] },
        // The AuthGuard admits a request only within these limits.
        { provide: ADMISSION_CHECK, useClass: RateLimitAdmission },
        { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
        { provide: PlatformMetrics, useFactory: (registry: Registry) => new PlatformMetrics(registry), inject: [METRICS_REGISTRY] },
        { provide: ProjectionMetrics, useFactory: (metrics: PlatformMetrics) => metrics.projections, inject: [PlatformMetrics] },
        {
          provide: HealthRegistry,
          useFactory: (metrics: PlatformMetrics) => {
            const registry = new HealthRegistry(options.healthCheckTimeoutMs ?? DEFAULT_HEALTH_CHECK_TIMEOUT_MS);
            registry.onChecked = (name, up) => metrics.dependencyUp.set({ dependency: name }, up ? 1 : 0);
            return registry;
          },
          inject: [PlatformMetrics],
        },
        { provide: ErrorStatuses, useFactory: () => new ErrorStatuses(options.errorStatuses ?? {}) },
        {
          provide: PinoLogger,
          useFactory: () =>
            new PinoLogger({
              service: options.serviceName,
              level: options.config.log.level,
              format: options.config.log.format,
              write: options.writeLog,
            }),
        },
        { provide: APP_FILTER, useClass: PlatformExceptionFilter },
      ],
      exports: [
        PLATFORM_CONFIG,
        PLATFORM_EDGE,
        ADMISSION_CHECK,
        METRICS_REGISTRY,
        PlatformMetrics,
        ProjectionMetrics,
        HealthRegistry,
        ErrorStatuses,
        PinoLogger,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // '/' rather than '*': Express mounts it with `use('/')`, which runs for every request without matching a pattern.
    consumer.apply(HttpObservationMiddleware).forRoutes('/');
  }
}
