import type { INestApplication } from '@nestjs/common';

/** What this module needs of Express's router and its layers (router 2, under Express 5). */
interface Layer {
  readonly route?: unknown;
  readonly rawPath?: unknown;
  /** On the layer that stands for a run of routes: those routes, in their order. */
  indexedRoutes?: readonly Layer[];
}
interface Route {
  _handlesMethod(method: string): boolean;
}
interface Router {
  stack: Layer[];
  handle(request: unknown, response: unknown, next: (error?: unknown) => void): void;
  use(handler: (request: unknown, response: unknown, next: (error?: unknown) => void) => void): unknown;
}

/** A single route between middleware is left as it is. */
const SMALLEST_RUN = 2;
/** The leading path segments a route is filed under. */
const DEPTH = 2;
const SLASH = 0x2f;
const HYPHEN = 0x2d;

/**
 * The literal leading segments of a route's path, lower-cased, at most DEPTH of them: `/api/cases/:caseId` →
 * `['api', 'cases']`, `/open311/v2/:file` → `['open311', 'v2']`, `/{*path}` → `[]`. A segment with a parameter,
 * wildcard, optional group or escape ends the literal part; a path that is not a single string has none.
 */
export function literalPrefixOf(rawPath: unknown): string[] {
  if (typeof rawPath !== 'string' || !rawPath.startsWith('/')) return [];
  const prefix: string[] = [];
  for (const segment of rawPath.split('/').slice(1, DEPTH + 1)) {
    if (/[:*{}()\\?+[\]!]/.test(segment)) break;
    prefix.push(segment.toLowerCase());
  }
  return prefix;
}

/**
 * The filings a request's path could be under, deepest first, as `keyOf` names them: `/API/Cases/c-1` →
 * `2:api/cases`, `1:api`, `0:` (lower-cased: routes match case-insensitively by default). Made from the path with
 * two searches rather than split into all its segments (DEPTH is 2): every request is looked up.
 */
function filingsOf(path: string): string[] {
  if (path.charCodeAt(0) !== SLASH) return [ROOT_FILING];
  const lower = path.toLowerCase();
  const first = lower.indexOf('/', 1);
  if (first === -1) return [`1:${lower.slice(1)}`, ROOT_FILING];
  const second = lower.indexOf('/', first + 1);
  return [`2:${lower.slice(1, second === -1 ? lower.length : second)}`, `1:${lower.slice(1, first)}`, ROOT_FILING];
}

/**
 * Express tries its routes one after another until one matches: the all-in-one host has some 270, so a request
 * for a dashboard walked past two hundred of them, a path-to-regexp match each, before its own (a tenth of the CPU
 * of a cached read). After Nest has registered every route, each run of two or more consecutive routes is replaced by one
 * layer that hands the request to the same router's dispatch over only the routes that could match its path: those
 * filed under its first two segments, under its first alone, or under none (a route that starts with a parameter).
 * A route that cannot match the path is all that is skipped, and the others keep their order, so the route that
 * answers is the one that answered before; middleware layers stay where they were.
 */
export function indexRoutes(app: INestApplication): void {
  const router = (app.getHttpAdapter().getInstance() as { router?: Router }).router;
  if (!router || !Array.isArray(router.stack)) return;
  const stack = router.stack;
  const indexed: Layer[] = [];
  for (let start = 0; start < stack.length;) {
    let end = start;
    while (end < stack.length && stack[end].route) end++;
    if (end - start >= SMALLEST_RUN) indexed.push(dispatchLayer(router, stack.slice(start, end)));
    else indexed.push(...stack.slice(start, Math.max(end, start + 1)));
    start = Math.max(end, start + 1);
  }
  router.stack = indexed;
}

/** `['']` (the path `/`) and `[]` (no segment) are different filings. */
const keyOf = (segments: string[]) => `${segments.length}:${segments.join('/')}`;
const ROOT_FILING = keyOf([]);

function dispatchLayer(router: Router, routes: Layer[]): Layer {
  const prefixes = routes.map((layer) => literalPrefixOf(layer.rawPath));
  const routesUnder = (segments: string[]) =>
    routes.filter((_, i) => prefixes[i].length <= segments.length && prefixes[i].every((s, depth) => s === segments[depth]));
  const bySegments = new Map<string, Router>();
  const dispatcherOf = (segments: string[]): Router => Object.assign(Object.create(router) as Router, { stack: routesUnder(segments) });
  for (const prefix of prefixes)
    for (let depth = 0; depth <= prefix.length; depth++) {
      const segments = prefix.slice(0, depth);
      const key = keyOf(segments);
      if (!bySegments.has(key)) bySegments.set(key, dispatcherOf(segments));
    }
  const answersOptions = new Map(
    [...bySegments.values()].map((d) => [d, d.stack.some((layer) => (layer.route as Route)._handlesMethod('OPTIONS'))]),
  );
  const dispatch = (request: { path: string; method: string }, response: unknown, next: (error?: unknown) => void) => {
    // The deepest filing the path has; a segment no route is filed under leaves the routes of the ones before it.
    let dispatcher: Router | undefined;
    for (const filing of filingsOf(request.path)) if ((dispatcher = bySegments.get(filing))) break;
    // Express's router answers an OPTIONS request no route takes with the methods it saw on the way; before, the
    // host's own handlers after the routes answered it (a 405 naming them), and still do.
    if (request.method === 'OPTIONS' && !answersOptions.get(dispatcher!)) return next();
    dispatcher!.handle(request, response, next);
  };
  // A layer made as Express makes any middleware layer, then taken from the end of the stack.
  router.use(dispatch as never);
  const layer = router.stack.pop()!;
  layer.indexedRoutes = routes;
  return layer;
}

/** The router's layers with each indexed run of routes in its place, as Nest registered them. */
export function layersOf<L extends object>(stack: readonly L[]): L[] {
  return stack.flatMap((layer) => ((layer as Layer).indexedRoutes as L[] | undefined) ?? [layer]);
}

/**
 * Whether a path is `prefix` itself or under it: `/docs`, `/docs/…` or `/docs-…` (`/docs-json`), without making a
 * string. `ignoreCase` as Express matches routes (a lower-case `prefix`).
 */
export function isUnder(path: string, prefix: string, ignoreCase = false): boolean {
  if (ignoreCase ? !startsWithIgnoringCase(path, prefix) : !path.startsWith(prefix)) return false;
  const after = path.charCodeAt(prefix.length);
  return Number.isNaN(after) || after === SLASH || after === HYPHEN;
}

function startsWithIgnoringCase(path: string, lowerCasePrefix: string): boolean {
  if (path.length < lowerCasePrefix.length) return false;
  for (let i = 0; i < lowerCasePrefix.length; i++) {
    const code = path.charCodeAt(i);
    // ASCII letters only: A-Z as a-z.
    if ((code >= 0x41 && code <= 0x5a ? code + 0x20 : code) !== lowerCasePrefix.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Runs `register`, and puts the layers it added to the app's router behind one that hands them only the requests
 * under `prefix` (see `isUnder`; in any case, as Express matches them), in their order and at their place: every other request passes one layer instead
 * of trying each (the API document's routes, and the UI's files mounted on a path Express matches by pattern).
 * Only for layers that answer nothing outside the prefix.
 */
export function behindPrefix(app: INestApplication, prefix: string, register: () => void): void {
  const lowerCasePrefix = prefix.toLowerCase();
  const router = (app.getHttpAdapter().getInstance() as { router?: Router }).router;
  if (!router || !Array.isArray(router.stack)) return register();
  const before = router.stack.length;
  register();
  const added = router.stack.splice(before);
  if (added.length === 0) return;
  const dispatcherOf = (stack: Layer[]) => Object.assign(Object.create(router) as Router, { stack });
  const dispatcher = dispatcherOf(added);
  // As in `dispatchLayer`: a router answers an OPTIONS request no route takes with the methods of the routes it
  // passed; the routes that do not take OPTIONS are left out of its walk, the app's own handlers answer it.
  const optionsDispatcher = dispatcherOf(added.filter((layer) => !layer.route || (layer.route as Route)._handlesMethod('OPTIONS')));
  const gate = (request: { path: string; method: string }, response: unknown, next: (error?: unknown) => void) => {
    if (!isUnder(request.path, lowerCasePrefix, true)) return next();
    (request.method === 'OPTIONS' ? optionsDispatcher : dispatcher).handle(request, response, next);
  };
  router.use(gate as never);
  const layer = router.stack[router.stack.length - 1];
  layer.indexedRoutes = added;
}
