import { Controller, Get, Inject, Logger, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { DomainError, handleCommand, type Decider } from '@gongzhi/eventsourcing';
import {
  commandMetadataFor,
  CurrentPrincipal,
  DEMO_ACCOUNTS,
  IDENTITY_DATA_SOURCE,
  IdentityModule,
  Public,
  ZodBody,
  type Principal,
} from '@gongzhi/identity';
import { eventuallyPasses, InMemoryEventStore, testKafkaBrokers } from '@gongzhi/testing';
import { Kafka, logLevel } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { bootstrapHttp } from './bootstrap-http';
import { loadConfig } from './config/load-config';
import { platformConfigSchema } from './config/platform-config';
import { errorStatusRules } from './http/error-status-rules.provider';
import { ApiZodBody } from './http/open-api';
import { HealthRegistry } from './observability/health/health-registry';
import { dataSourceIndicator, eventStoreIndicator, kafkaIndicator } from './observability/health/indicators';
import { PlatformMetrics } from './observability/platform-metrics';
import { currentCorrelationId, currentRequestContext } from './observability/request-context';
import { PlatformModule } from './platform.module';

type CaseState = { readonly status: 'open' | 'closed' };
type CloseCase = { readonly type: 'CloseCase' };
type CaseClosed = { readonly type: 'CaseClosed'; readonly data: Record<string, never> };

const caseDecider: Decider<CaseState, CloseCase, CaseClosed> = {
  initialState: () => ({ status: 'open' }),
  evolve: () => ({ status: 'closed' }),
  decide: (_command, state) => {
    if (state.status === 'closed') throw new DomainError('CASE.ALREADY_CLOSED', 'The case is closed already');
    return [{ type: 'CaseClosed', data: {} }];
  },
};

const EVENT_STORE = Symbol('EVENT_STORE');
const reportSchema = z.object({ description: z.string().min(1), photos: z.array(z.string()).max(9).optional() });
/** A dependency the tests break on purpose: answers, fails, or never answers. */
const media = { state: 'up' as 'up' | 'failing' | 'hung' };
const logLines: string[] = [];

/** The probe's commands are decided at one fixed instant: nothing here depends on the day it runs. */
const DECIDED_AT = new Date('2026-11-26T09:00:00.000Z');

@Controller('api/probe')
class ProbeController {
  private readonly logger = new Logger('ProbeController');

  constructor(
    private readonly metrics: PlatformMetrics,
    @Inject(EVENT_STORE) private readonly store: InMemoryEventStore,
  ) {}

  @Public()
  @Post('cases/:caseId/close')
  close(@Param('caseId') caseId: string) {
    this.logger.log({ msg: 'closing a case', caseId });
    const actor = { id: 'grid-worker-1', kind: 'user' as const };
    return this.metrics.trackCommand('CloseCase', async () => {
      const result = await handleCommand(
        this.store,
        caseDecider,
        `case-${caseId}`,
        { type: 'CloseCase' },
        {
          actor,
          now: DECIDED_AT,
          correlationId: currentCorrelationId(),
        },
      );
      return { streamVersion: result.streamVersion };
    });
  }

  @Get('context')
  context(@CurrentPrincipal() principal: Principal) {
    const metadata = commandMetadataFor(principal, DECIDED_AT, { correlationId: currentCorrelationId() });
    return { correlationId: metadata.correlationId, principal: currentRequestContext()?.principal?.subject };
  }

  @Public()
  @Post('cases/:caseId/assign')
  assign(@Param('caseId') caseId: string) {
    throw new DomainError('CASE.ASSIGNEE_UNKNOWN', `nobody to assign ${caseId} to`, {
      field: 'assigneeId',
      assigneeId: 'grid-worker-9',
      caseId,
    });
  }

  @Public()
  @Get('failure')
  failure() {
    throw new Error('password authentication failed for user "gongzhi"');
  }

  @Public()
  @ApiZodBody(reportSchema)
  @Post('reports')
  report(@ZodBody(reportSchema) body: z.output<typeof reportSchema>) {
    return body;
  }
}

describe('the platform shell over HTTP', () => {
  let app: INestApplication;
  let baseUrl: string;
  let dataDir: string;
  const store = new InMemoryEventStore();
  const kafka = new Kafka({ clientId: 'platform-e2e', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-platform-e2e-'));
    const config = loadConfig(platformConfigSchema, { GONGZHI_DATA_DIR: dataDir, GONGZHI_LOG_FORMAT: 'json', GONGZHI_LOG_LEVEL: 'info' });

    @Module({
      imports: [
        PlatformModule.forRoot({ serviceName: 'probe', config, writeLog: (line) => logLines.push(line) }),
        IdentityModule.forEmbedded({
          secret: 'platform-e2e-secret-0123456789-0123456789',
          database: { type: 'better-sqlite3', database: join(dataDir, 'identity.sqlite') },
          demoAccounts: DEMO_ACCOUNTS.filter((account) => account.role === 'resident'),
        }),
      ],
      controllers: [ProbeController],
      providers: [
        { provide: EVENT_STORE, useFactory: (metrics: PlatformMetrics) => metrics.countAppends('probe', store), inject: [PlatformMetrics] },
        // As a service registers its codes: the platform's filter answers them by this table.
        errorStatusRules('probe', { 'CASE.ASSIGNEE_UNKNOWN': 400 }),
      ],
    })
    class ProbeAppModule {
      constructor(
        health: HealthRegistry,
        @Inject(EVENT_STORE) eventStore: InMemoryEventStore,
        @Inject(IDENTITY_DATA_SOURCE) readDb: DataSource,
      ) {
        health.register(eventStoreIndicator(eventStore));
        health.register(kafkaIndicator(kafka));
        health.register(dataSourceIndicator(readDb));
        health.register('media', async () => {
          if (media.state === 'failing') throw new Error('the media folder is not writable');
          if (media.state === 'hung') await new Promise(() => undefined);
        });
      }
    }

    app = await bootstrapHttp(ProbeAppModule, {
      serviceName: 'probe',
      port: 0,
      host: '127.0.0.1',
      openApi: { title: 'Probe API', version: '0.1' },
    });
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    media.state = 'up';
  });

  async function call(method: string, path: string, options: { headers?: Record<string, string>; body?: string | object } = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      body: typeof options.body === 'object' ? JSON.stringify(options.body) : options.body,
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, text, body: json };
  }

  const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

  describe('health', () => {
    it('answers liveness', async () => {
      expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    });

    it('is ready when the store, the bus and the read database answer', async () => {
      const response = await call('GET', '/health/ready');

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        status: 'ready',
        checks: { store: { status: 'up' }, bus: { status: 'up' }, readDb: { status: 'up' }, media: { status: 'up' } },
      });
    });

    it('answers 503 naming the check that fails, and why', async () => {
      media.state = 'failing';

      const response = await call('GET', '/health/ready');

      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        status: 'not ready',
        checks: { store: { status: 'up' }, media: { status: 'down', error: 'the media folder is not writable' } },
      });
    });

    it('answers 503 within the probes’ 1 s timeout when a dependency hangs', async () => {
      media.state = 'hung';

      const response = await call('GET', '/health/ready');

      expect(response.status).toBe(503);
      expect(response.body.checks.media).toEqual({ status: 'down', error: 'no answer within 800 ms' });
    }, 10_000);
  });

  describe('correlation ids', () => {
    it('carries the caller’s id through the request into the events it appends, and echoes it', async () => {
      const response = await call('POST', '/api/probe/cases/c1/close', { headers: { 'x-correlation-id': 'hotline-12345-0001' } });

      expect(response).toMatchObject({ status: 201, body: { streamVersion: 1 } });
      expect(response.headers.get('x-correlation-id')).toBe('hotline-12345-0001');
      const [event] = (await store.readStream('case-c1')).events;
      expect(event.correlationId).toBe('hotline-12345-0001');
      expect(logged()).toContainEqual(
        expect.objectContaining({
          msg: 'closing a case',
          caseId: 'c1',
          context: 'ProbeController',
          correlationId: 'hotline-12345-0001',
          service: 'probe',
        }),
      );
    });

    it('makes a UUID v7 when the request has none, or a useless one', async () => {
      const none = await call('GET', '/health');
      const forged = await call('GET', '/health', { headers: { 'x-correlation-id': '1", "level": "fatal' } });

      for (const response of [none, forged])
        expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(none.headers.get('x-correlation-id')).not.toBe(forged.headers.get('x-correlation-id'));
    });

    it('knows the principal once the token is checked', async () => {
      const resident = DEMO_ACCOUNTS.find((account) => account.role === 'resident')!;
      const login = await call('POST', '/api/auth/login', { body: { username: resident.username, password: resident.password } });
      expect(login.status).toBe(200);

      const response = await call('GET', '/api/probe/context', {
        headers: { authorization: `Bearer ${login.body.accessToken}`, 'x-correlation-id': 'ctx-1' },
      });

      expect(response.body).toEqual({ correlationId: 'ctx-1', principal: login.body.principal.subject });
    });
  });

  describe('errors, in the one error body', () => {
    it('answers a rule of the domain that said no with 422', async () => {
      await call('POST', '/api/probe/cases/c2/close');

      const response = await call('POST', '/api/probe/cases/c2/close', { headers: { 'x-correlation-id': 'second-close' } });

      expect(response.status).toBe(422);
      expect(response.body).toEqual({ statusCode: 422, code: 'CASE.ALREADY_CLOSED', message: 'The case is closed already' });
      expect(response.headers.get('x-correlation-id')).toBe('second-close');
    });

    it('answers an unknown route with 404', async () => {
      const response = await call('GET', '/api/nothing-here');

      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, code: 'HTTP.NOT_FOUND', message: 'Cannot GET /api/nothing-here' });
    });

    it('answers malformed JSON with 400, still with a correlation id', async () => {
      const response = await call('POST', '/api/probe/reports', { body: '{"description": ', headers: { 'x-correlation-id': 'bad-json' } });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'HTTP.BAD_REQUEST', message: expect.stringContaining('JSON') });
      expect(response.headers.get('x-correlation-id')).toBe('bad-json');
    });

    it('names the field at fault of a domain error, by the status a service registered', async () => {
      const response = await call('POST', '/api/probe/cases/c4/assign');

      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        code: 'CASE.ASSIGNEE_UNKNOWN',
        message: 'nobody to assign c4 to',
        errors: [{ path: 'assigneeId', message: 'nobody to assign c4 to' }],
      });
    });

    it('answers a body that fails its schema with 400 listing the fields', async () => {
      const response = await call('POST', '/api/probe/reports', { body: { photos: [] } });

      expect(response).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED', errors: [{ path: 'description' }] } });
    });

    it('answers a missing token with 401 as identity does', async () => {
      const response = await call('GET', '/api/probe/context');

      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, code: 'AUTH.MISSING_TOKEN', message: expect.any(String) });
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('answers an unexpected error with 500 INTERNAL, keeping its message for the log', async () => {
      const response = await call('GET', '/api/probe/failure', { headers: { 'x-correlation-id': 'boom-1' } });

      expect(response.status).toBe(500);
      expect(response.body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'An unexpected error occurred (correlation id boom-1)' });
      expect(response.text).not.toContain('password');
      expect(logged()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          correlationId: 'boom-1',
          msg: 'GET /api/probe/failure answered 500 INTERNAL',
          err: expect.objectContaining({ message: 'password authentication failed for user "gongzhi"', stack: expect.any(String) }),
        }),
      );
    });
  });

  describe('the access log', () => {
    const accessLines = () => logged().filter((entry) => entry.context === 'HttpAccess');

    it('writes one line per request: method, route template, status, duration and the correlation id', async () => {
      await call('POST', '/api/probe/cases/c7/close', { headers: { 'x-correlation-id': 'access-c7' } });

      await eventuallyPasses(async () => {
        const lines = accessLines().filter((entry) => entry.correlationId === 'access-c7');
        expect(lines).toEqual([
          expect.objectContaining({
            level: 'info',
            service: 'probe',
            msg: 'POST /api/probe/cases/:caseId/close 201',
            method: 'POST',
            route: '/api/probe/cases/:caseId/close',
            status: 201,
            durationMs: expect.any(Number),
            correlationId: 'access-c7',
          }),
        ]);
      });
    });

    it("logs a refused or unknown request too, never with the URL's query (an Open311 api_key) or the caller's token", async () => {
      await call('GET', '/api/probe/context', {
        headers: { authorization: 'Bearer not-a-real-token-zqxsecret', 'x-correlation-id': 'access-401' },
      });
      await call('GET', '/open311/v2/requests.json?api_key=key-from-the-url-zqxsecret', { headers: { 'x-correlation-id': 'access-404' } });

      await eventuallyPasses(async () => {
        expect(accessLines()).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ correlationId: 'access-401', route: '/api/probe/context', status: 401 }),
            expect.objectContaining({ correlationId: 'access-404', route: '(unmatched)', status: 404 }),
          ]),
        );
      });
      expect(logLines.join('\n')).not.toContain('zqxsecret');
    });
  });

  describe('metrics', () => {
    it('times requests by route template and counts commands and appended events', async () => {
      await call('POST', '/api/probe/cases/c3/close');
      await call('POST', '/api/probe/cases/c3/close');
      await call('GET', '/api/probe/context');
      await call('GET', '/api/no-such-route/42');

      const response = await call('GET', '/metrics');

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = response.text;
      expect(text).toMatch(
        /^gongzhi_http_request_duration_seconds_count\{method="POST",route="\/api\/probe\/cases\/:caseId\/close",status="201"\} \d+$/m,
      );
      expect(text).toMatch(
        /^gongzhi_http_request_duration_seconds_bucket\{le="0\.005",method="POST",route="\/api\/probe\/cases\/:caseId\/close",status="422"\} \d+$/m,
      );
      expect(text).toMatch(/^gongzhi_http_request_duration_seconds_count\{method="GET",route="\/api\/probe\/context",status="401"\} \d+$/m);
      expect(text).toMatch(/^gongzhi_http_request_duration_seconds_count\{method="GET",route="\(unmatched\)",status="404"\} \d+$/m);
      expect(text).not.toContain('/api/probe/cases/c3');
      expect(text).toMatch(/^gongzhi_commands_total\{command="CloseCase",outcome="ok"\} [1-9]\d*$/m);
      expect(text).toMatch(/^gongzhi_commands_total\{command="CloseCase",outcome="rejected"\} [1-9]\d*$/m);
      expect(text).toMatch(/^gongzhi_events_appended_total\{service="probe",type="CaseClosed"\} [1-9]\d*$/m);
      expect(text).toContain('# TYPE gongzhi_projection_lag_events gauge');
      expect(text).toContain('process_cpu_user_seconds_total');
    });
  });

  describe('OpenAPI', () => {
    it('serves the document generated from the controllers at /docs-json, and the UI at /docs', async () => {
      const { status, body: document } = await call('GET', '/docs-json');

      expect(status).toBe(200);
      expect(document).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: 'Probe API', version: '0.1' } });
      expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(document.security).toEqual([{ bearer: [] }]);
      const close = document.paths['/api/probe/cases/{caseId}/close'].post;
      expect(close.parameters).toContainEqual(expect.objectContaining({ name: 'caseId', in: 'path' }));
      expect(close.security).toEqual([]);
      expect(document.paths['/api/probe/context'].get.security).toBeUndefined();
      expect(document.paths['/health/ready'].get.security).toEqual([]);
      expect(document.paths['/api/probe/reports'].post.requestBody.content['application/json'].schema).toMatchObject({
        type: 'object',
        required: ['description'],
        properties: { description: { type: 'string', minLength: 1 }, photos: { type: 'array', maxItems: 9 } },
      });
      const ui = await call('GET', '/docs');
      expect(ui.status).toBe(200);
      expect(ui.text).toContain('swagger-ui');
    });
  });
});
