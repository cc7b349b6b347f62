import type { INestApplication } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import helmet from 'helmet';
import type { EdgeConfig, Exposure } from '../config/edge-config';
import { platformErrorResponse } from './error-response';
import { ErrorStatuses } from './error-statuses';
import { isUnder } from './route-index';
import { weakEtag } from './weak-etag';

type Request = { path: string; socket: { localPort?: number } };
type Response = {
  status(code: number): Response;
  json(body: unknown): void;
  setHeader(name: string, value: string): void;
  removeHeader(name: string): void;
};
type Next = (error?: unknown) => void;
type ExpressApp = ((request: unknown, response: unknown) => void) & {
  disable(setting: string): void;
  set(setting: string, value: unknown): void;
};

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

/**
 * Security headers on every answer (helmet: the CSP above, `nosniff`, `X-Frame-Options: DENY`, a
 * strict `Referrer-Policy`, no `X-Powered-By`), and /metrics and /docs answered only where the
 * configuration says: on the public port, only on the internal port, or nowhere (404 as for any
 * unknown path). Call before anything registers a route: Express runs handlers in order.
 */
export function applyEdgeProtections(app: INestApplication, edge: EdgeConfig): void {
  const express = app.getHttpAdapter().getInstance() as ExpressApp;
  express.disable('x-powered-by');
  // Express's own weak ETags, made with less work per answer.
  express.set('etag', weakEtag);
  const headers = (directives: Record<string, readonly string[]>, resourcePolicy: 'same-origin' | 'cross-origin' = 'same-origin') =>
    headerChangesOf(
      helmet({
        contentSecurityPolicy: { useDefaults: false, directives },
        crossOriginResourcePolicy: { policy: resourcePolicy },
        frameguard: { action: 'deny' },
        referrerPolicy: { policy: 'no-referrer' },
      }),
    );
  // The base map's tiles come from the tile server a deployment names; nothing else is loaded from elsewhere.
  const appHeaders = headers({ ...CONTENT_SECURITY_POLICY, 'img-src': [...CONTENT_SECURITY_POLICY['img-src'], ...edge.imageSources] });
  // Swagger UI's page carries its own <style> blocks; its scripts are files like the app's.
  const docsHeaders = headers({ ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] });
  // Open311 hands out photo links (media_url) that other sites' clients show in an <img>.
  const photoHeaders = headers(CONTENT_SECURITY_POLICY, 'cross-origin');
  // One layer for both, as it runs before every request.
  app.use((request: Request, response: Response, next: Next) => {
    const path = request.path;
    // Express matches routes whatever their case (/DOCS-JSON is /docs-json), so the exposure check must too.
    const underDocs = isUnder(path, '/docs', true);
    const chosen = underDocs ? docsHeaders : path.startsWith('/api/photos/') ? photoHeaders : appHeaders;
    changeHeaders(response, chosen);
    const exposure: Exposure | undefined = underDocs ? edge.docs : isUnder(path, '/metrics', true) ? edge.metrics : undefined;
    const onInternalPort = edge.internalPort !== undefined && request.socket.localPort === edge.internalPort;
    const operations = exposure !== undefined || isUnder(path, '/health', true);
    const answers = onInternalPort ? operations && exposure !== 'off' : exposure === undefined || exposure === 'public';
    if (answers) return next();
    const { status, body } = platformErrorResponse(notFound(path), new ErrorStatuses({}));
    response.status(status).json(body);
  });
}

type HeaderMiddleware = (request: never, response: never, next: (error?: unknown) => void) => void;
/** A header to set, or (with no value) one to take off. */
type HeaderChange = readonly [name: string, value: string | undefined];

/**
 * What a helmet middleware does to a response's headers, found once by running it on a response that only takes
 * the changes down: they are the same for every request (nothing in its options depends on one), and making them
 * from a list costs a request a fraction of running helmet's chain of middleware.
 */
export function headerChangesOf(middleware: HeaderMiddleware): readonly HeaderChange[] {
  const changes: HeaderChange[] = [];
  let done = false;
  const recorder = {
    setHeader(name: string, value: unknown) {
      if (typeof value !== 'string') throw new Error(`headerChangesOf: ${name} is not a plain header value`);
      changes.push([name, value]);
    },
    removeHeader(name: string) {
      changes.push([name, undefined]);
    },
  };
  middleware({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('headerChangesOf: the middleware did not finish at once');
  return changes;
}

function changeHeaders(response: Response, changes: readonly HeaderChange[]): void {
  for (let i = 0; i < changes.length; i++) {
    const [name, value] = changes[i];
    if (value === undefined) response.removeHeader(name);
    else response.setHeader(name, value);
  }
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
