// Where the simulator sends each request: one URL for the all-in-one host (`npm start`), or the URL of each
// service of a distributed set, routed by path, so `npm run simulate -- --url …` drives either.

/** The services of a distributed set and the paths each one serves. */
const ROUTES: readonly [prefix: string, service: string][] = [
  ['/api/auth', 'identity'],
  ['/api/department-dispatch', 'department-dispatch'],
  ['/api/deliberation', 'deliberation'],
  ['/api/points', 'points'],
  ['/api/co-building', 'co-building'],
  ['/api/dashboards', 'dashboards'],
  ['/api/cases', 'grid-events'],
  ['/api/photos', 'grid-events'],
  ['/api/notifications', 'grid-events'],
  ['/api/organisation', 'grid-events'],
  ['/api/categories', 'grid-events'],
  ['/api/departments', 'grid-events'],
  ['/open311', 'grid-events'],
];

/** docker-compose.yml's host ports. */
const COMPOSE_PORTS: Readonly<Record<string, number>> = {
  'grid-events': 3001,
  'department-dispatch': 3002,
  deliberation: 3003,
  points: 3004,
  dashboards: 3005,
  'co-building': 3006,
  identity: 3007,
};

export interface Targets {
  /** Every base URL, to check each answers before the run. */
  readonly bases: readonly string[];
  urlFor(path: string): string;
  /** Where a person looks at the result. */
  readonly dashboard: string;
}

/**
 * `--url http://localhost:3000` (the host), `--url compose` (docker-compose.yml's ports on localhost), or
 * `--url identity=http://…,grid-events=http://…,…` (every service of a set, named as the deployment names them).
 */
export function parseTargets(url: string): Targets {
  if (!url.includes('=') && url !== 'compose') {
    const base = url.replace(/\/$/, '');
    if (!/^https?:\/\//.test(base)) throw new Error(`--url: expected http(s)://host:port, compose, or service=url pairs, got "${url}"`);
    return { bases: [base], urlFor: (path) => `${base}${path}`, dashboard: `${base}/dashboard` };
  }
  const services = new Map<string, string>(
    url === 'compose'
      ? Object.entries(COMPOSE_PORTS).map(([service, port]) => [service, `http://localhost:${port}`])
      : url.split(',').map((pair) => {
          const [service, base] = pair.split('=').map((part) => part.trim());
          if (!service || !/^https?:\/\//.test(base ?? '')) throw new Error(`--url: expected service=http(s)://host:port, got "${pair}"`);
          return [service, base.replace(/\/$/, '')];
        }),
  );
  const missing = [...new Set(ROUTES.map(([, service]) => service))].filter((service) => !services.has(service));
  if (missing.length > 0) throw new Error(`--url: the set needs a URL for ${missing.join(', ')}`);
  return {
    bases: [...services.values()],
    urlFor(path) {
      const route = ROUTES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`));
      if (!route) throw new Error(`no service of the set serves ${path}`);
      return `${services.get(route[1])}${path}`;
    },
    dashboard: `${services.get('dashboards')}/api/dashboards/overview`,
  };
}
