import { layersOf } from './route-index';

interface RouterLayer {
  /** Express 5's router: what the path captures, or false. */
  match?(path: string): { params?: Record<string, unknown> } | false;
  route?: { _methods?(): string[] };
}

export interface RoutedRequest {
  readonly method: string;
  readonly path?: string;
  /** Set by Express once a route answered the path and method. */
  readonly route?: unknown;
  readonly app?: { router?: { stack?: readonly RouterLayer[] } };
}

/**
 * The methods the app's routes answer on the request's path, when no route answered its own method:
 * a known path with an unknown method is a 405 naming them (`Allow`), not a 404. Empty for an unknown path.
 *
 * The resource is the most specific route that matches: `/api/points/rules/changes` is the list of
 * changes (GET), not a rule named "changes" that `PUT /api/points/rules/:ruleId` would also match.
 */
export function allowedMethodsFor(request: RoutedRequest): readonly string[] {
  if (request.route !== undefined || request.path === undefined) return [];
  const matches: { parameters: number; methods: readonly string[] }[] = [];
  for (const layer of layersOf(request.app?.router?.stack ?? [])) {
    const match = layer.route?._methods ? layer.match?.(request.path) : undefined;
    if (!match || !layer.route?._methods) continue;
    matches.push({ parameters: Object.keys(match.params ?? {}).length, methods: layer.route._methods() });
  }
  const fewest = Math.min(...matches.map((match) => match.parameters));
  const allowed = new Set(matches.filter((match) => match.parameters === fewest).flatMap((match) => match.methods));
  allowed.delete('*');
  if (allowed.size === 0 || allowed.has(request.method.toUpperCase())) return [];
  return [...allowed].sort();
}
