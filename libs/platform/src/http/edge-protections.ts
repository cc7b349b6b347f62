import type { INestApplication } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import helmet from 'helmet';
import type { EdgeConfig, Exposure } from '../config/edge-config';
import { platformErrorResponse } from './error-response';
import { ErrorStatuses } from './error-statuses';

type Request = { path: string; socket: { localPort?: number } };
type Response = { status(code: number): Response; json(body: unknown): void; setHeader(name: string, value: string): void };
type Next = (error?: unknown) => void;
type ExpressApp = ((request: unknown, response: unknown) => void) & { disable(setting: string): void };

/**
 * What the web app needs and nothing more: its own scripts and style sheets only (no inline script,
 * no eval, no inline style: React and ECharts set styles through the DOM, which the policy allows;
 * the browser test runs the whole app under this policy and fails on any violation), images from
 * itself and the photo previews (blob:) the report form shows, calls to its own API only, and never
 * inside another site's frame.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`);

/**
 * Security headers on every answer (helmet: the CSP above, `nosniff`, `X-Frame-Options: DENY`, a
 * strict `Referrer-Policy`, no `X-Powered-By`), and /metrics and /docs answered only where the
 * configuration says: on the public port, only on the internal port, or nowhere (404 as for any
 * unknown path). Call before anything registers a route: Express runs handlers in order.
 */
export function applyEdgeProtections(app: INestApplication, edge: EdgeConfig): void {
  const express = app.getHttpAdapter().getInstance() as ExpressApp;
  express.disable('x-powered-by');
  const headers = (directives: Record<string, readonly string[]>, resourcePolicy: 'same-origin' | 'cross-origin' = 'same-origin') =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      crossOriginResourcePolicy: { policy: resourcePolicy },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    });
  // The base map's tiles come from the tile server a deployment names; nothing else is loaded from elsewhere.
  const appHeaders = headers({ ...CONTENT_SECURITY_POLICY, 'img-src': [...CONTENT_SECURITY_POLICY['img-src'], ...edge.imageSources] });
  // Swagger UI's page carries its own <style> blocks; its scripts are files like the app's.
  const docsHeaders = headers({ ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] });
  // Open311 hands out photo links (media_url) that other sites' clients show in an <img>.
  const photoHeaders = headers(CONTENT_SECURITY_POLICY, 'cross-origin');
  app.use((request: Request, response: Response, next: Next) => {
    const chosen = isUnder(request.path, '/docs') ? docsHeaders : request.path.startsWith('/api/photos/') ? photoHeaders : appHeaders;
    chosen(request as never, response as never, next);
  });
  app.use((request: Request, response: Response, next: Next) => {
    const exposure: Exposure | undefined = isUnder(request.path, '/metrics')
      ? edge.metrics
      : isUnder(request.path, '/docs')
        ? edge.docs
        : undefined;
    const onInternalPort = edge.internalPort !== undefined && request.socket.localPort === edge.internalPort;
    const operations = exposure !== undefined || isUnder(request.path, '/health');
    const answers = onInternalPort ? operations && exposure !== 'off' : exposure === undefined || exposure === 'public';
    if (answers) return next();
    const { status, body } = platformErrorResponse(notFound(request.path), new ErrorStatuses({}));
    response.status(status).json(body);
  });
}

function notFound(path: string): Error {
  return Object.assign(new Error(`no route ${path}`), { status: 404, expose: true });
}

/**
 * The internal port: the same app, answering only health, and the metrics and docs set to `internal`
 * (an address the load balancer does not route to). Closed with the app.
 */
export async function listenInternally(app: INestApplication, edge: EdgeConfig, host: string): Promise<Server | undefined> {
  if (edge.internalPort === undefined || (edge.metrics !== 'internal' && edge.docs !== 'internal')) return undefined;
  const server = createServer(app.getHttpAdapter().getInstance() as ExpressApp);
  await new Promise<void>((listening, failed) => server.once('error', failed).listen(edge.internalPort, host, () => listening()));
  (app.getHttpServer() as Server).once('close', () => server.close());
  return server;
}
