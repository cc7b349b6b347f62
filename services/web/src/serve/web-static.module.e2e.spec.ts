import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WebStaticModule } from './web-static.module';

@Controller('api')
class PingController {
  @Get('ping')
  ping() {
    return { pong: true };
  }
}

describe('WebStaticModule', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongzhi-web-static-'));
  let app: INestApplication;
  let base: string;
  const get = (path: string, accept = 'text/html') => fetch(`${base}${path}`, { headers: { accept } });

  beforeAll(async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>共治</title>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
    @Module({ imports: [WebStaticModule.forRoot({ root })], controllers: [PingController] })
    class AppModule {}
    app = await NestFactory.create(AppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the app at / and at every page path, so links into the app open it', async () => {
    for (const path of ['/', '/resident/cases/0192-abc', '/dashboard']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>共治</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves the built assets with a long cache', async () => {
    const response = await get('/assets/index-abc123.js', '*/*');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("app")');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves the API to its routes, and an unknown API path a JSON 404 rather than the app', async () => {
    expect(await (await get('/api/ping', 'application/json')).json()).toEqual({ pong: true });
    for (const path of ['/api/nothing-here', '/open311/v2/x', '/metrics-nope', '/health/x']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
  });

  it('answers 404 for a missing file rather than the app', async () => {
    expect((await get('/missing-image.png', 'image/*')).status).toBe(404);
  });
});
