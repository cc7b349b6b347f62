import { Controller, Get } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { answerOf, platformTestApps } from './platform-test-apps';
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
  const apps = platformTestApps('behind-prefix');
  afterAll(() => apps.close());

  const start = (gated: boolean) =>
    apps.start([CasesController], {
      beforeInit: (app) => {
        const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Docs').build());
        const setup = () => SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Docs' });
        if (gated) behindPrefix(app, '/docs', setup);
        else setup();
      },
      afterInit: indexRoutes,
    });
  const answer = (base: string, method: string, path: string) =>
    answerOf(base, method, path, ['allow', 'content-type', 'content-security-policy']);

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
