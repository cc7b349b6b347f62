// Reads the environment each service's container gets from the deployment files as they are written —
// docker-compose.yml, deploy/k8s/*.yaml and deploy/Dockerfile's ENV — so a test or the chaos run starts the
// built entry points (`dist/services/<name>/src/main.js`) with exactly that environment. No Docker engine or
// cluster runs here, so only where things are (host names, ports, the database) is moved to this machine.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const ROOT = resolve(__dirname, '../..');

/** The processes of a set, as the deployment files name them (service name → its environment). */
export type SetEnvironment = ReadonlyMap<string, Readonly<Record<string, string>>>;

export interface DeployedSet {
  readonly source: string;
  readonly environments: SetEnvironment;
  /** How many copies of each service the files ask for. */
  readonly replicas: ReadonlyMap<string, number>;
}

/** `ENV NODE_ENV=production SERVICE=${SERVICE}` of the runtime stage: every container has it. */
function dockerfileEnvironment(service: string): Record<string, string> {
  const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const line of runtime.split('\n').filter((l) => l.startsWith('ENV '))) {
    for (const [, name, value] of line.slice(4).matchAll(/([A-Z_]+)=(\S+)/g)) env[name] = value.replace('${SERVICE}', service);
  }
  return env;
}

/** Compose's `${NAME}`, `${NAME:-default}` and `${NAME-default}`, read from `shell` (the operator's environment). */
export function interpolate(value: string, shell: Readonly<Record<string, string | undefined>>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (_, name: string, operator: string | undefined, fallback = '') => {
      const set = shell[name];
      if (operator === ':-') return set ? set : fallback;
      if (operator === '-') return set ?? fallback;
      return set ?? '';
    },
  );
}

/** docker-compose.yml: every service built from deploy/Dockerfile, with its `environment` after interpolation. */
export function composeSet(shell: Readonly<Record<string, string | undefined>> = {}, file = join(ROOT, 'docker-compose.yml')): DeployedSet {
  const document = parse(readFileSync(file, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const environments = new Map<string, Record<string, string>>();
  const replicas = new Map<string, number>();
  for (const [name, definition] of Object.entries(document.services)) {
    const service = definition.build?.args?.SERVICE;
    if (!service) continue; // the infrastructure (kafka, postgres, eventstoredb)
    const env: Record<string, string> = { ...dockerfileEnvironment(service) };
    for (const [key, value] of Object.entries(definition.environment ?? {})) env[key] = interpolate(String(value), shell);
    environments.set(name, env);
    replicas.set(name, definition.deploy?.replicas ?? 1);
  }
  return { source: 'docker-compose.yml', environments, replicas };
}

interface ComposeService {
  readonly build?: { readonly args?: { readonly SERVICE?: string } };
  readonly environment?: Record<string, string | number>;
  readonly deploy?: { readonly replicas?: number };
}

/**
 * deploy/k8s: each Deployment's container environment — its ConfigMaps (`envFrom`) then its `env`, values from
 * Secrets taken from `secrets` (`<secret>/<key>` → value), as `kubectl create secret` would hold them.
 */
export function kubernetesSet(secrets: Readonly<Record<string, string>>, dir = join(ROOT, 'deploy/k8s')): DeployedSet {
  const objects = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => doc.toJS() as K8sObject | null))
    .filter((object): object is K8sObject => object !== null);
  const configMaps = new Map(
    objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, (o.data ?? {}) as Record<string, string>]),
  );
  const environments = new Map<string, Record<string, string>>();
  const replicas = new Map<string, number>();
  for (const deployment of objects.filter((o) => o.kind === 'Deployment')) {
    const [container] = deployment.spec.template.spec.containers;
    const image = /^gongzhi\/([a-z-]+):/.exec(container.image)?.[1];
    if (!image) continue;
    const env: Record<string, string> = { ...dockerfileEnvironment(image) };
    for (const from of container.envFrom ?? []) {
      const data = configMaps.get(from.configMapRef.name);
      if (!data) throw new Error(`${deployment.metadata.name}: ConfigMap ${from.configMapRef.name} is not in ${dir}`);
      Object.assign(env, data);
    }
    for (const entry of container.env ?? []) {
      if (entry.value !== undefined) env[entry.name] = entry.value;
      else if (entry.valueFrom?.secretKeyRef) {
        const { name, key } = entry.valueFrom.secretKeyRef;
        const value = secrets[`${name}/${key}`];
        if (value === undefined)
          throw new Error(`${deployment.metadata.name}: ${entry.name} reads Secret ${name}/${key}, which the caller did not give`);
        env[entry.name] = value;
      }
    }
    environments.set(deployment.metadata.name, env);
    replicas.set(deployment.metadata.name, deployment.spec.replicas ?? 1);
  }
  return { source: 'deploy/k8s', environments, replicas };
}

interface K8sObject {
  readonly kind: string;
  readonly metadata: { readonly name: string };
  readonly data?: Record<string, string>;
  readonly spec: {
    readonly replicas?: number;
    readonly template: {
      readonly spec: {
        readonly containers: readonly {
          readonly image: string;
          readonly envFrom?: readonly { readonly configMapRef: { readonly name: string } }[];
          readonly env?: readonly {
            readonly name: string;
            readonly value?: string;
            readonly valueFrom?: { readonly secretKeyRef?: { readonly name: string; readonly key: string } };
          }[];
        }[];
      };
    };
  };
}

export interface LoopbackPlaces {
  /** host:port of the Kafka broker on this machine. */
  readonly kafka: string;
  /** host:port of the PostgreSQL server on this machine. */
  readonly postgres: string;
  /** The database that stands for the files' one (a fresh one per run, so runs never share state). */
  readonly database?: string;
  readonly port: number;
}

/**
 * The same environment with only the places moved to this machine: the broker list, the PostgreSQL host,
 * port (and database), the HTTP port. Everything else — the mode, the store, secrets, NODE_ENV — stays as written.
 */
export function onLoopback(env: Readonly<Record<string, string>>, places: LoopbackPlaces): Record<string, string> {
  const moved: Record<string, string> = { ...env, PORT: String(places.port) };
  if (env['GONGZHI_KAFKA_BROKERS']) moved['GONGZHI_KAFKA_BROKERS'] = places.kafka;
  if (env['GONGZHI_PG_URL']) {
    const url = new URL(env['GONGZHI_PG_URL']);
    url.host = places.postgres;
    if (places.database) url.pathname = `/${places.database}`;
    moved['GONGZHI_PG_URL'] = url.toString();
  }
  return moved;
}
