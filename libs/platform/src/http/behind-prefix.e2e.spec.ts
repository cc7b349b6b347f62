import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config';
import { platformConfigSchema } from '../config/platform-config';
import type { EdgeConfig } from '../config/edge-config';
import { PLATFORM_EDGE, PlatformModule } from '../platform.module';
import { applyEdgeProtections } from './edge-protections';
import { behindPrefix, indexRoutes, isUnder } from './route-index';

@Controller('api/cases')
class CasesController {
  @Get()
  list() {
    return { route: 'cases list' };
  }
}

const REQUESTS: [method: string, path: string][] = [
  ['GET', '/docs'],
  ['GET', '/docs/'],
  ['GET', '/DOCS'],
  ['HEAD', '/docs'],
  ['GET', '/docs-json'],
  ['GET', '/Docs-Json'],
  ['POST', '/docs-json'],
  ['OPTIONS', '/docs-json'],
  ['OPTIONS', '/docs'],
  ['GET', '/docs-yaml'],
  ['GET', '/docs/swagger-ui-init.js'],
  ['GET', '/docs/swagger-ui.css'],
  ['GET', '/docs/index.html'],
  ['GET', '/docs/nothing-here.js'],
  ['GET', '/docsx'],
  ['GET', '/api/cases'],
  ['GET', '/api/nothing-here'],
];

describe('the API document behind its path', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-behind-prefix-'));
  const apps: INestApplication[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(gated: boolean): Promise<string> {
    const config = loadConfig(platformConfigSchema, { GONGZHI_DATA_DIR: dataDir, GONGZHI_LOG_FORMAT: 'json' });
    @Module({
      imports: [PlatformModule.forRoot({ serviceName: 'docs', config, writeLog: () => undefined })],
      controllers: [CasesController],
    })
    class DocsModule {}
    const app = await NestFactory.create(DocsModule, { logger: false });
    apps.push(app);
    applyEdgeProtections(app, app.get<EdgeConfig>(PLATFORM_EDGE));
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Docs').build());
    const setup = () => SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Docs' });
    if (gated) behindPrefix(app, '/docs', setup);
    else setup();
    await app.init();
    indexRoutes(app);
    await app.listen(0, '127.0.0.1');
    return (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  async function answer(base: string, method: string, path: string) {
    const response = await fetch(`${base}${path}`, { method });
    return {
      status: response.status,
      allow: response.headers.get('allow'),
      type: response.headers.get('content-type'),
      policy: response.headers.get('content-security-policy'),
      body: (await response.text()).replace(/"(correlationId|timestamp|requestId)":"[^"]*"/g, '"$1":"…"'),
    };
  }

  it('answers every request as the document’s routes and files tried one by one do', async () => {
    const [plain, gated] = await Promise.all([start(false), start(true)]);
    for (const [method, path] of REQUESTS) {
      const expected = await answer(plain, method, path);
      expect({ method, path, ...(await answer(gated, method, path)) }).toEqual({ method, path, ...expected });
    }
    // The comparison means something: the UI, the document, a file, and 404s.
    expect((await answer(gated, 'GET', '/docs-json')).body).toContain('"openapi"');
    expect((await answer(gated, 'GET', '/docs/swagger-ui.css')).status).toBe(200);
    expect((await answer(gated, 'GET', '/docsx')).status).toBe(404);
  });

  it('takes a path as under a prefix at a segment or a hyphen only', () => {
    expect(isUnder('/docs', '/docs')).toBe(true);
    expect(isUnder('/docs/swagger-ui.css', '/docs')).toBe(true);
    expect(isUnder('/docs-json', '/docs')).toBe(true);
    expect(isUnder('/docsx', '/docs')).toBe(false);
    expect(isUnder('/doc', '/docs')).toBe(false);
    expect(isUnder('/DOCS-json', '/docs')).toBe(false);
    expect(isUnder('/DOCS-json', '/docs', true)).toBe(true);
    expect(isUnder('/Docs/x', '/docs', true)).toBe(true);
    expect(isUnder('/Docsx', '/docs', true)).toBe(false);
  });
});
