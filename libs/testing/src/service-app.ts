import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { ManualClock } from '@gongzhi/eventsourcing';
import {
  ACCESS_TOKEN_SIGNER,
  DEMO_ACCOUNTS,
  DEMO_CLIENTS,
  IdentityModule,
  type AccessTokenSigner,
  type IssuerSettings,
  type Principal,
  type Role,
} from '@gongzhi/identity';
import {
  applyEdgeProtections,
  indexRoutes,
  defaultEdgeConfig,
  issuerSettingsFor,
  loadConfig,
  platformConfigSchema,
  PlatformModule,
  type EdgeConfig,
  type Environment,
} from '@gongzhi/platform';
import {
  composeHostModule,
  loadServiceSettings,
  openEmbeddedPlatform,
  ownerOnlyDatabaseFile,
  type EmbeddedPlatform,
  type HostedService,
} from '@gongzhi/runtime';

export interface TestResponse<T = any> {
  readonly status: number;
  readonly body: T;
}

export interface TestApp {
  readonly url: string;
  readonly app: INestApplication;
  readonly clock: ManualClock;
  readonly platform: EmbeddedPlatform;
  /** An access token of the demo account with this role (demo-resident, demo-grid-worker …). */
  tokenFor(role: Role): Promise<string>;
  /** An access token the built-in issuer signs for any principal: an officer of another street, a fresh resident … */
  tokenAs(principal: Principal): Promise<string>;
  login(username: string, password: string): Promise<string>;
  request<T = any>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots services as the all-in-one host does — embedded stores, in-process bus, the built-in issuer
 * with its demo accounts — on a free port with a clock the test moves, for HTTP end-to-end tests.
 */
export async function startTestApp(
  services: readonly HostedService[],
  options: {
    clock?: ManualClock;
    imports?: readonly DynamicModule[];
    /** A data folder the test owns: used instead of a fresh one and left in place by close(), files and all. */
    dataDir?: string;
    /** Rate limits and login limits as a deployment would set them; the defaults otherwise. */
    edge?: Partial<EdgeConfig>;
    /** The built-in issuer's settings beyond what `edge` sets. */
    identitySettings?: Partial<IssuerSettings>;
    /** The services' variables (`GONGZHI_OPEN311_API_KEYS` …), checked as the host checks them; none set by default. */
    env?: Environment;
  } = {},
): Promise<TestApp> {
  const clock = options.clock ?? new ManualClock();
  const settings = loadServiceSettings(services, options.env ?? {});
  const edge = defaultEdgeConfig(options.edge);
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gongzhi-app-'));
  const platform = await openEmbeddedPlatform(dir, services, clock);
  const identity = IdentityModule.forEmbedded({
    secret: randomBytes(32).toString('hex'),
    database: { type: 'better-sqlite3', database: ownerOnlyDatabaseFile(join(dir, 'identity.sqlite')) },
    demoAccounts: DEMO_ACCOUNTS,
    demo: true,
    onDemoAccountsCreated: () => undefined,
    demoClients: DEMO_CLIENTS,
    onDemoClientsCreated: () => undefined,
    clock,
    settings: { ...issuerSettingsFor(edge), ...options.identitySettings },
  });
  const app = await NestFactory.create(
    composeHostModule({
      services,
      settings,
      infrastructure: platform.infrastructure,
      readModels: platform.readModels,
      imports: [
        PlatformModule.forRoot({
          serviceName: 'test-app',
          config: loadConfig(platformConfigSchema, { GONGZHI_DATA_DIR: dir }),
          writeLog: () => undefined,
          edge,
        }),
        identity,
        ...(options.imports ?? []),
      ],
    }),
    { logger: ['error'] },
  );
  applyEdgeProtections(app, edge);
  await app.init();
  indexRoutes(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const tokens = new Map<string, string>();

  const request: TestApp['request'] = async (method, path, { token, body, headers } = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as any };
  };

  const login = async (username: string, password: string) => {
    const { status, body } = await request('POST', '/api/auth/login', { body: { username, password } });
    if (status !== 200 && status !== 201) throw new Error(`login of ${username} failed: ${status} ${JSON.stringify(body)}`);
    return body.accessToken as string;
  };

  return {
    url,
    app,
    clock,
    platform,
    login,
    request,
    async tokenFor(role) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role);
      if (!account) throw new Error(`No demo account has the role ${role}`);
      // Access tokens last 15 minutes of the test's clock; a test that moves time far asks again.
      const cached = tokens.get(role);
      if (cached) return cached;
      const token = await login(account.username, account.password);
      tokens.set(role, token);
      return token;
    },
    async tokenAs(principal) {
      const signer = app.get<AccessTokenSigner>(ACCESS_TOKEN_SIGNER, { strict: false });
      return (await signer.sign(principal)).accessToken;
    },
    async close() {
      await app.close();
      await platform.close();
      if (!options.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
