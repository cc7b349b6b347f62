import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError } from './config/configuration-error';
import type { EdgeConfig } from './config/edge-config';
import { applyEdgeProtections, listenInternally } from './http/edge-protections';
import { setupOpenApi, type OpenApiOptions } from './http/open-api';
import { indexRoutes } from './http/route-index';
import { PinoLogger } from './observability/pino-logger';
import { PLATFORM_EDGE } from './platform.module';

export interface BootstrapHttpOptions {
  /** Names the process in its log lines and, by default, its API document. */
  readonly serviceName: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Default all interfaces. */
  readonly host?: string;
  /** The document at /docs; `false` for a process without an HTTP API of its own. */
  readonly openApi?: Partial<OpenApiOptions> | false;
}

/**
 * Creates, starts and returns the HTTP app of a service or of the host: logs through the
 * `PinoLogger` of `PlatformModule` (which `appModule` must import), closes cleanly on SIGTERM and
 * SIGINT, serves the OpenAPI document at /docs, and listens.
 */
export async function bootstrapHttp(appModule: Type<unknown> | DynamicModule, options: BootstrapHttpOptions): Promise<INestApplication> {
  const app = await NestFactory.create(appModule, { bufferLogs: true, abortOnError: false });
  let logger: PinoLogger;
  try {
    logger = app.get(PinoLogger, { strict: false });
  } catch {
    await app.close();
    throw new Error(`bootstrapHttp: ${options.serviceName}'s root module must import PlatformModule.forRoot(…)`);
  }
  app.useLogger(logger);
  app.flushLogs();
  stopOnSignals(app, logger);
  const edge = app.get<EdgeConfig>(PLATFORM_EDGE);
  // Before the API document's routes, which Express would otherwise answer without headers or exposure checks.
  applyEdgeProtections(app, edge);
  const docs = options.openApi !== false && edge.docs !== 'off';
  if (docs) setupOpenApi(app, { title: `Gongzhi ${options.serviceName}`, ...options.openApi });
  const host = options.host ?? '0.0.0.0';
  await app.init();
  indexRoutes(app);
  await app.listen(options.port, host);
  await listenInternally(app, edge, host);
  const url = await app.getUrl();
  logger.log(
    { msg: `${options.serviceName} is listening on ${url}`, url, docs: docs ? `${url}${options.openApi?.path ?? '/docs'}` : undefined },
    'Bootstrap',
  );
  return app;
}

/**
 * SIGTERM or SIGINT: stop taking requests, let in-flight ones finish, let every module stop its
 * consumers and timers and save its positions (Nest's shutdown hooks), then exit 0. A second signal
 * while stopping exits at once.
 */
function stopOnSignals(app: INestApplication, logger: PinoLogger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log({ msg: `stopping on ${signal}` }, 'Bootstrap');
    app
      .close()
      .then(() => {
        logger.flush();
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.flush();
        process.stderr.write(`shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/**
 * Runs a process's `main`, and ends the process when it fails: a configuration error as its plain
 * message (every variable at fault), anything else with its stack.
 *
 *   runMain(async () => {
 *     const config = loadConfig(platformConfigSchema);
 *     await bootstrapHttp(AppModule.forRoot(config), { serviceName: 'points', port: config.port });
 *   });
 */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const text =
      error instanceof ConfigurationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${text}\n`);
    process.exit(1);
  });
}
