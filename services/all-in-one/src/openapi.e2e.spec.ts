import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  createOpenApiDocument,
  ERROR_BODY_SCHEMA_NAME,
  operationHandlers,
  operationsOf,
  type DocumentedOperation,
  type OperationHandler,
} from '@gongzhi/platform';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { SERVICES } from './services';

type Operation = { path: string; method: string; operation: DocumentedOperation; route: OperationHandler | undefined };
type MediaContent = Record<string, { schema?: Record<string, unknown> }>;

const ERROR_BODY_REF = `#/components/schemas/${ERROR_BODY_SCHEMA_NAME}`;

/** Which request parts a handler reads, from Nest's own record of its parameter decorators. */
function reads(route: OperationHandler | undefined): Set<RouteParamtypes> {
  if (!route) return new Set();
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handler.name) ?? {}) as Record<string, unknown>;
  return new Set(Object.keys(args).map((key) => Number(key.split(':')[0]) as RouteParamtypes));
}

const label = ({ method, path }: Operation) => `${method.toUpperCase()} ${path}`;

/** Open311 and the OAuth token endpoint answer errors in their standards' shapes (each has its own test below). */
const answersInOwnShape = ({ path }: Operation) => path.startsWith('/open311/') || path === '/api/auth/token';

describe('the OpenAPI document of the host (what a fuzzer or a client generator reads)', () => {
  let app: TestApp;
  let document: OpenAPIObject;
  let operations: Operation[];

  beforeAll(async () => {
    app = await startTestApp(SERVICES);
    document = createOpenApiDocument(app.app, { title: 'Gongzhi 共治 API' });
    const handlers = operationHandlers(app.app);
    operations = [...operationsOf(document.paths as never)].map((entry) => ({
      ...entry,
      route: entry.operation.operationId ? handlers.get(entry.operation.operationId) : undefined,
    }));
  });
  afterAll(() => app.close());

  it('ties every operation to the controller method that answers it', () => {
    expect(operations.length).toBeGreaterThan(150);
    expect(operations.filter((o) => !o.route).map(label)).toEqual([]);
  });

  it('documents the request body of every POST, PUT and PATCH that reads one, with a schema', () => {
    const bodyReaders = operations.filter(
      (o) =>
        ['post', 'put', 'patch'].includes(o.method) &&
        [...reads(o.route)].some((part) => [RouteParamtypes.BODY, RouteParamtypes.FILE].includes(part)),
    );
    expect(bodyReaders.length).toBeGreaterThan(80);
    const missing = bodyReaders.filter((o) => {
      const content = (o.operation.requestBody as { content?: MediaContent } | undefined)?.content ?? {};
      const schemas = Object.values(content).map((media) => media.schema);
      const described = (schema: Record<string, unknown> | undefined) =>
        !!schema && ['type', 'properties', 'allOf', 'anyOf', 'oneOf'].some((key) => schema[key] !== undefined);
      return schemas.length === 0 || !schemas.every(described);
    });
    expect(missing.map(label)).toEqual([]);
  });

  it('documents the query parameters of every route that reads the query', () => {
    const queryReaders = operations.filter((o) => reads(o.route).has(RouteParamtypes.QUERY));
    expect(queryReaders.length).toBeGreaterThan(20);
    const missing = queryReaders.filter((o) => !(o.operation.parameters ?? []).some((p) => p.in === 'query' && p.name !== ''));
    expect(missing.map(label)).toEqual([]);
  });

  it('takes the body and the query from the zod schemas that validate them', () => {
    const report = operations.find((o) => o.method === 'post' && o.path === '/api/cases')!;
    const body = (report.operation.requestBody as { required: boolean; content: MediaContent }).content['application/json'].schema!;
    expect(body['properties']).toEqual(
      expect.objectContaining({
        categoryCode: expect.objectContaining({ type: 'string', maxLength: 100 }),
        // Trimmed before its length is checked, so only spaces is not a description.
        description: expect.objectContaining({ type: 'string', minLength: 1, pattern: '\\S' }),
        anonymous: expect.objectContaining({ type: 'boolean' }),
      }),
    );
    expect(body['required']).toEqual(['categoryCode', 'description']);

    const duplicates = operations.find((o) => o.method === 'get' && o.path === '/api/cases/duplicates')!;
    expect(duplicates.operation.parameters).toEqual([
      expect.objectContaining({
        name: 'categoryCode',
        in: 'query',
        required: true,
        schema: expect.objectContaining({ type: 'string', minLength: 1 }),
      }),
      expect.objectContaining({
        name: 'lat',
        in: 'query',
        required: true,
        schema: expect.objectContaining({ type: 'number', minimum: -90, maximum: 90 }),
      }),
      expect.objectContaining({
        name: 'long',
        in: 'query',
        required: true,
        schema: expect.objectContaining({ type: 'number', minimum: -180, maximum: 180 }),
      }),
    ]);
  });

  it('lists the error answers each operation can give, in the error body', () => {
    const lacking: string[] = [];
    const expectAnswer = (o: Operation, status: number, why: string) => {
      if (!o.operation.responses[String(status)]) lacking.push(`${label(o)}: no ${status} (${why})`);
    };
    for (const o of operations.filter((o) => !answersInOwnShape(o))) {
      const parameters = o.operation.parameters ?? [];
      if (o.operation.requestBody) [400, 413, 415].forEach((status) => expectAnswer(o, status, 'it reads a body'));
      if (parameters.some((p) => p.in === 'query')) expectAnswer(o, 400, 'it reads the query');
      if (parameters.some((p) => p.in === 'path')) expectAnswer(o, 404, 'it names a thing in its path');
      if (o.operation.security?.length !== 0) [401, 403].forEach((status) => expectAnswer(o, status, 'it needs a token'));
      if (['post', 'put', 'patch', 'delete'].includes(o.method)) [409, 422].forEach((status) => expectAnswer(o, status, 'it is a command'));
    }
    expect(lacking).toEqual([]);

    const platformErrors = operations.filter((o) => !answersInOwnShape(o));
    for (const o of platformErrors) {
      for (const [status, answer] of Object.entries(o.operation.responses)) {
        // 5xx answers are the health report's (503) or faults, not refusals.
        if (Number(status) < 400 || Number(status) > 499) continue;
        expect({
          [`${label(o)} ${status}`]: (answer as { content?: MediaContent }).content?.['application/json']?.schema?.['$ref'],
        }).toEqual({ [`${label(o)} ${status}`]: ERROR_BODY_REF });
      }
    }
    expect(document.components?.schemas?.[ERROR_BODY_SCHEMA_NAME]).toEqual(
      expect.objectContaining({ type: 'object', required: ['statusCode', 'code', 'message'] }),
    );
  });

  it('documents the OAuth 2.0 token endpoint with its form body and the RFC 6749 §5.2 error shape', () => {
    const token = operations.find((o) => o.method === 'post' && o.path === '/api/auth/token')!;
    expect(token.operation.security).toEqual([]);
    expect(Object.keys((token.operation.requestBody as { content: MediaContent }).content)).toEqual(['application/x-www-form-urlencoded']);
    const schemaOf = (status: string) =>
      (token.operation.responses[status] as { content: MediaContent }).content['application/json'].schema;
    const oauthError = expect.objectContaining({ required: ['error', 'error_description'] });
    expect(schemaOf('401')).toEqual(oauthError);
    // A body Express cannot parse gets the platform's answer before the route runs.
    expect(schemaOf('400')).toEqual({ oneOf: [oauthError, { $ref: ERROR_BODY_REF }] });
  });

  it('documents Open311 in its own error shape, with its form body and its filters', async () => {
    const post = operations.find((o) => o.method === 'post' && o.path === '/open311/v2/{file}')!;
    // A sender over its report budget hears 429 in Open311's own shape, like every other refusal there.
    expect(Object.keys(post.operation.responses).sort()).toEqual(['201', '400', '403', '404', '413', '415', '429']);
    expect((post.operation.responses['403'] as { content: MediaContent }).content['application/json'].schema).toEqual(
      expect.objectContaining({ type: 'array' }),
    );
    // A body Express cannot parse never reaches Open311's filter: the platform answers it.
    expect((post.operation.responses['400'] as { content: MediaContent }).content['application/json'].schema).toEqual({
      oneOf: [expect.objectContaining({ type: 'array' }), { $ref: ERROR_BODY_REF }],
    });
    const malformed = await fetch(`${app.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '<not json',
    });
    expect([malformed.status, ((await malformed.json()) as { code: string }).code]).toEqual([400, 'HTTP.BAD_REQUEST']);
    expect(Object.keys((post.operation.requestBody as { content: MediaContent }).content)).toEqual([
      'application/x-www-form-urlencoded',
      'application/json',
    ]);
    const read = operations.find((o) => o.method === 'get' && o.path === '/open311/v2/{file}')!;
    expect((read.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
      expect.arrayContaining(['service_code', 'start_date', 'status']),
    );
  });

  it('answers a body the route cannot read with a status the document lists', async () => {
    const token = await app.tokenFor('resident');
    const report = operations.find((o) => o.method === 'post' && o.path === '/api/cases')!;
    const probes = [
      await app.request('POST', '/api/cases', { token, headers: { 'content-type': 'application/json' }, body: undefined }),
      await fetch(`${app.url}/api/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"categoryCode":',
      }),
      await fetch(`${app.url}/api/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ description: 'x'.repeat(200_000) }),
      }),
      await fetch(`${app.url}/api/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=latin-9' },
        body: '{}',
      }),
      await fetch(`${app.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    ];
    expect(probes.map((p) => p.status)).toEqual([400, 400, 413, 415, 401]);
    for (const probe of probes) expect(Object.keys(report.operation.responses)).toContain(String(probe.status));
  });

  it('answers an unknown method on a known path with 405 and the methods it allows', async () => {
    const deleted = await fetch(`${app.url}/api/cases`, { method: 'DELETE' });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await deleted.json()).toEqual({
      statusCode: 405,
      code: 'HTTP.METHOD_NOT_ALLOWED',
      message: 'DELETE is not allowed here; use GET, HEAD, POST',
    });

    // The list of rule changes, not a rule named "changes" that PUT /api/points/rules/{ruleId} would match.
    const patched = await fetch(`${app.url}/api/points/rules/changes`, { method: 'PATCH' });
    expect([patched.status, patched.headers.get('allow')]).toEqual([405, 'GET, HEAD']);

    const unknown = await fetch(`${app.url}/api/no-such-thing`, { method: 'DELETE' });
    expect([unknown.status, unknown.headers.get('allow')]).toEqual([404, null]);
  });

  it('rebuilds a read model whose topics hold no events at once, instead of waiting for progress that never comes', async () => {
    const admin = await app.tokenFor('admin');
    const rebuilt = await app.request('POST', '/api/dashboards/projectors/dashboards-points/rebuild', { token: admin });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toEqual(expect.objectContaining({ projector: 'dashboards-points', applied: 0 }));
  });
});
