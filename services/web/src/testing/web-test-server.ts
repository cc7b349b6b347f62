import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export interface WebTestServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Until the host imports WebStaticModule, the browser tests put the built app and the real host on one
 * origin: this serves the files of `root` (index.html for page paths) and passes /api and /open311 —
 * server-sent events included — to the host at `apiUrl`.
 */
export async function startWebTestServer(root: string, apiUrl: string): Promise<WebTestServer> {
  const api = new URL(apiUrl);
  const base = resolve(root);
  // The host's own Content-Security-Policy goes on the pages too, so the browser tests run the app under it.
  const policy = (await fetch(new URL('/health', apiUrl))).headers.get('content-security-policy');
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/') || path.startsWith('/open311/')) {
      const upstream = httpRequest(
        {
          host: api.hostname,
          port: api.port,
          method: req.method,
          path: req.url,
          // As a real proxy does: the API checks a session request's Origin against the browser's host.
          headers: { ...req.headers, host: api.host, 'x-forwarded-host': req.headers.host ?? '' },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => !res.headersSent && res.writeHead(502).end());
      // A closed page must not leave its event stream open on the host (it would hold up the host's shutdown).
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
      return;
    }
    const file = normalize(join(base, path));
    const servable = file.startsWith(base) && existsSync(file) && statSync(file).isFile();
    const target = servable ? file : join(base, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      ...(policy ? { 'content-security-policy': policy } : {}),
    });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
