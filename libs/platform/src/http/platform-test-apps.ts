import { Module, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config';
import { platformConfigSchema } from '../config/platform-config';
import type { EdgeConfig } from '../config/edge-config';
import { PLATFORM_EDGE, PlatformModule } from '../platform.module';
import { applyEdgeProtections } from './edge-protections';

/**
 * For specs that compare two apps answering the same requests (routes looked up one way and another): each app has
 * the platform module and its edge protections over the given controllers, listens on a free local port, and is
 * closed with the others.
 */
export function platformTestApps(name: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `gongzhi-${name}-`));
  const apps: INestApplication[] = [];
  return {
    /** Starts an app; `beforeInit` and `afterInit` add to it around Nest's init. Answers its base URL. */
    async start(
      controllers: Type[],
      { beforeInit, afterInit }: { beforeInit?: (app: INestApplication) => void; afterInit?: (app: INestApplication) => void } = {},
    ): Promise<string> {
      const config = loadConfig(platformConfigSchema, { GONGZHI_DATA_DIR: dataDir, GONGZHI_LOG_FORMAT: 'json' });
      @Module({ imports: [PlatformModule.forRoot({ serviceName: name, config, writeLog: () => undefined })], controllers })
      class TestAppModule {}
      const app = await NestFactory.create(TestAppModule, { logger: false });
      apps.push(app);
      applyEdgeProtections(app, app.get<EdgeConfig>(PLATFORM_EDGE));
      beforeInit?.(app);
      await app.init();
      afterInit?.(app);
      await app.listen(0, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    async close(): Promise<void> {
      await Promise.all(apps.map((app) => app.close()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a person or client sees of an answer: its status, the named headers, and its body with per-request ids blanked. */
export async function answerOf(base: string, method: string, path: string, headers: readonly string[] = []) {
  const response = await fetch(`${base}${path}`, { method });
  return {
    status: response.status,
    ...Object.fromEntries(headers.map((name) => [name, response.headers.get(name)])),
    body: (await response.text()).replace(/"(correlationId|timestamp|requestId)":"[^"]*"/g, '"$1":"…"'),
  };
}
