import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

export interface WebStaticOptions {
  /** The folder of the built app (`npm run build:web` writes dist/web). */
  readonly root: string;
}

const WEB_STATIC_OPTIONS = Symbol('WEB_STATIC_OPTIONS');

/** Paths the app never answers: the platform's own, so their 404s stay JSON. */
const PLATFORM_PREFIXES = ['/api', '/open311', '/docs', '/health', '/metrics'];

export const isPlatformPath = (path: string) =>
  PLATFORM_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`));

type Request = { method: string; path: string; headers: Record<string, string | string[] | undefined> };
type Response = { setHeader(name: string, value: string): void; sendFile(path: string, callback: (error?: Error) => void): void };
type Next = (error?: unknown) => void;
type Handler = (request: Request, response: Response, next: Next) => void;
type ServeStatic = (
  root: string,
  options: { index: false; fallthrough: true; setHeaders: (response: Response, path: string) => void },
) => Handler;

// express ships no types here (no @types/express); its `static` is serve-static, with the options above.
const serveStatic = createRequire(__filename)('express').static as ServeStatic;

@Injectable()
class WebStaticHooks implements OnModuleInit {
  private readonly logger = new Logger('WebStatic');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_STATIC_OPTIONS) private readonly options: WebStaticOptions,
  ) {}

  /**
   * Nest calls this after it has registered every controller's routes and before its 404 handler, so
   * the API always wins and only what no route answered reaches the files and the SPA fallback.
   */
  onModuleInit(): void {
    const root = resolve(this.options.root);
    const indexHtml = join(root, 'index.html');
    if (!existsSync(indexHtml)) {
      this.logger.warn(`no web app at ${root} (run \`npm run build:web\`); / answers 404 until then`);
      return;
    }
    const files = serveStatic(root, {
      index: false,
      fallthrough: true,
      setHeaders: (response, path) => {
        // Vite names assets by content hash: they never change; index.html always may.
        response.setHeader('cache-control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const spaFallback: Handler = (request, response, next) => {
      const accept = String(request.headers['accept'] ?? '');
      const lastSegment = request.path.split('/').pop() ?? '';
      const wantsPage = accept.includes('text/html') || !lastSegment.includes('.');
      if (!['GET', 'HEAD'].includes(request.method) || isPlatformPath(request.path) || !wantsPage) return next();
      response.setHeader('cache-control', 'no-cache');
      response.sendFile(indexHtml, (error) => error && next(error));
    };
    const app = this.adapterHost.httpAdapter.getInstance() as { use(handler: Handler): void };
    app.use((request, response, next) => (isPlatformPath(request.path) ? next() : files(request, response, next)));
    app.use(spaFallback);
    this.logger.log(`serving the web app from ${root}`);
  }
}

/**
 * Serves the built web app: its files, index.html at / and for every other page path (the app routes
 * in the browser), never for /api, /open311, /docs, /health or /metrics.
 *
 *   imports: [WebStaticModule.forRoot({ root: join(repoRoot, 'dist/web') })]
 */
@Module({})
export class WebStaticModule {
  static forRoot(options: WebStaticOptions): DynamicModule {
    return {
      module: WebStaticModule,
      providers: [{ provide: WEB_STATIC_OPTIONS, useValue: options }, WebStaticHooks],
    };
  }
}
