import { departmentDispatchService } from '@gongzhi/department-dispatch';
import { gridEventsService } from '@gongzhi/grid-events';
import { DEMO_CLIENTS } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { clientAccessToken, requestClientToken } from './testing/client-credentials';

// Issue #19, item 1: machines (a department's system, the 12345 hotline, an analytics reader) get OAuth 2.0
// client-credentials tokens from the built-in issuer, kept by an admin; what they cause names them.

const demo = (clientId: string) => {
  const client = DEMO_CLIENTS.find((c) => c.clientId === clientId)!;
  return { clientId: client.clientId, secret: client.secret };
};
const DEPARTMENT_SYSTEM = demo('demo-department-system');
const HOTLINE = demo('demo-hotline-12345');
const ANALYTICS = demo('demo-analytics');
const inHexie01 = { lat: 31.2385, long: 121.4778 };

describe('machine clients: OAuth 2.0 client credentials at /api/auth/token', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([gridEventsService, departmentDispatchService]);
  });
  afterAll(() => app?.close());

  const get = (path: string, token?: string) => app.request('GET', path, { token });
  const post = (path: string, token: string | undefined, body: unknown = {}) => app.request('POST', path, { token, body });

  it('grants a demo client a bearer token (RFC 6749 §4.4), with its credentials in the form body or in HTTP Basic', async () => {
    for (const basic of [false, true]) {
      const answer = await requestClientToken(app.url, DEPARTMENT_SYSTEM, { basic });
      expect(answer).toMatchObject({
        status: 200,
        body: {
          access_token: expect.any(String),
          token_type: 'Bearer',
          expires_in: 900,
          scope: 'department:work department:dept-chengguan',
        },
      });
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const me = await get('/api/auth/me', answer.body.access_token);
      expect(me.body).toMatchObject({
        subject: 'demo-department-system',
        kind: 'service',
        roles: ['department_staff'],
        scope: { departmentId: 'dept-chengguan' },
      });
    }
    expect((await requestClientToken(app.url, HOTLINE, { params: { scope: 'cases:report' } })).body.scope).toBe(
      'cases:report cases:read-own',
    );
  });

  it('refuses in the RFC 6749 §5.2 shape: a wrong secret, an unknown client, a missing or other grant, mixed credentials, a scope beyond the client', async () => {
    const wrongSecret = await requestClientToken(app.url, { ...DEPARTMENT_SYSTEM, secret: 'demo-department-system-2025' }, { basic: true });
    expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client', error_description: expect.any(String) } });
    expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const unknown = await requestClientToken(app.url, { clientId: 'made-up-client', secret: 'made-up-client-2026' });
    expect(unknown).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(unknown.body.error_description).toBe(wrongSecret.body.error_description);

    const form = (params: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(params),
      }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const credentials = { client_id: DEPARTMENT_SYSTEM.clientId, client_secret: DEPARTMENT_SYSTEM.secret };
    expect(await form(credentials)).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: expect.stringContaining('grant_type') },
    });
    expect(await form({ ...credentials, grant_type: 'password' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    expect(await form({ grant_type: 'client_credentials' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const basic = `Basic ${Buffer.from(`${DEPARTMENT_SYSTEM.clientId}:${DEPARTMENT_SYSTEM.secret}`).toString('base64')}`;
    expect(await form({ ...credentials, grant_type: 'client_credentials' }, { authorization: basic })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect(await requestClientToken(app.url, ANALYTICS, { params: { scope: 'read cases:report' } })).toMatchObject({
      status: 400,
      body: { error: 'invalid_scope', error_description: expect.stringContaining('cases:report') },
    });
  });

  it('refuses a token signed for a client without its current secret: a good signature alone does not make a machine', async () => {
    const forged = await app.tokenAs({
      subject: 'demo-department-system',
      kind: 'service',
      roles: ['department_staff'],
      scope: { departmentId: 'dept-chengguan' },
      verification: 'verified',
    });
    expect(await get('/api/department-dispatch/departments/dept-chengguan/assignments', forged)).toMatchObject({
      status: 401,
      body: { code: 'AUTH.INVALID_TOKEN' },
    });
  });

  it('lets an admin register, list, rotate and revoke clients: the secret shown once, the old secret and its tokens dead at once', async () => {
    const admin = await app.tokenFor('admin');
    const registered = await post('/api/auth/clients', admin, {
      clientId: 'jiaojing-system',
      displayName: '区交警支队业务系统',
      kind: 'department_system',
      departmentId: 'dept-jiaojing',
    });
    expect(registered).toMatchObject({
      status: 201,
      body: {
        clientId: 'jiaojing-system',
        kind: 'department_system',
        departmentId: 'dept-jiaojing',
        revokedAt: null,
        clientSecret: expect.any(String),
      },
    });
    const firstSecret: string = registered.body.clientSecret;
    expect(firstSecret.length).toBeGreaterThanOrEqual(43);
    const listed = await get('/api/auth/clients', admin);
    expect(listed.body.clients.map((c: { clientId: string }) => c.clientId)).toEqual(
      expect.arrayContaining(['demo-department-system', 'demo-hotline-12345', 'demo-analytics', 'jiaojing-system']),
    );
    expect(JSON.stringify(listed.body)).not.toContain(firstSecret);
    expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|secretHash|clientSecret/);

    const firstToken = await clientAccessToken(app.url, { clientId: 'jiaojing-system', secret: firstSecret });
    const inbox = '/api/department-dispatch/departments/dept-jiaojing/assignments';
    expect((await get(inbox, firstToken)).status).toBe(200);

    const rotated = await post('/api/auth/clients/jiaojing-system/rotate', admin);
    expect(rotated).toMatchObject({ status: 200, body: { clientId: 'jiaojing-system', clientSecret: expect.any(String) } });
    expect(rotated.body.clientSecret).not.toBe(firstSecret);
    expect(await get(inbox, firstToken)).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' } });
    expect((await requestClientToken(app.url, { clientId: 'jiaojing-system', secret: firstSecret })).status).toBe(401);
    const secondToken = await clientAccessToken(app.url, { clientId: 'jiaojing-system', secret: rotated.body.clientSecret });
    expect((await get(inbox, secondToken)).status).toBe(200);

    const revoked = await post('/api/auth/clients/jiaojing-system/revoke', admin);
    expect(revoked).toMatchObject({ status: 200, body: { clientId: 'jiaojing-system', revokedAt: app.clock.now().toISOString() } });
    expect(revoked.body).not.toHaveProperty('clientSecret');
    expect((await get(inbox, secondToken)).status).toBe(401);
    expect(await requestClientToken(app.url, { clientId: 'jiaojing-system', secret: rotated.body.clientSecret })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await post('/api/auth/clients/jiaojing-system/rotate', admin)).toMatchObject({
      status: 409,
      body: { code: 'AUTH.CLIENT_REVOKED' },
    });
    expect(
      await post('/api/auth/clients', admin, { clientId: 'jiaojing-system', displayName: '再来一次', kind: 'analytics' }),
    ).toMatchObject({ status: 409, body: { code: 'AUTH.CLIENT_ID_TAKEN' } });
    expect(await post('/api/auth/clients/no-such-client/revoke', admin)).toMatchObject({
      status: 404,
      body: { code: 'AUTH.CLIENT_NOT_FOUND' },
    });
  });

  it('answers bad registrations field by field, and keeps the client list from everyone but an admin, machines included', async () => {
    const admin = await app.tokenFor('admin');
    const noDepartment = await post('/api/auth/clients', admin, {
      clientId: 'half-system',
      displayName: '缺部门',
      kind: 'department_system',
    });
    expect(noDepartment).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED', errors: [{ path: 'departmentId', message: expect.stringContaining('required') }] },
    });
    const badKind = await post('/api/auth/clients', admin, { clientId: 'Bad Id!', displayName: '', kind: 'superuser' });
    expect(badKind.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['clientId', 'displayName', 'kind']);
    expect((await get('/api/auth/clients', admin)).body.clients.map((c: { clientId: string }) => c.clientId)).not.toContain('half-system');

    const staff = await app.tokenFor('department_staff');
    const machine = await clientAccessToken(app.url, DEPARTMENT_SYSTEM);
    for (const token of [staff, machine]) {
      expect((await get('/api/auth/clients', token)).status).toBe(403);
      expect((await post('/api/auth/clients/demo-analytics/rotate', token)).status).toBe(403);
    }
    expect((await get('/api/auth/clients')).status).toBe(401);
  });

  it('lets the analytics reader read, and refuses it every command, even one open to any signed-in caller', async () => {
    const analytics = await clientAccessToken(app.url, ANALYTICS);
    // Reads behind a token that every signed-in caller may make (the open data is public anyway).
    expect((await get('/api/department-dispatch/departments', analytics)).status).toBe(200);
    expect((await get('/api/auth/me', analytics)).body).toMatchObject({ subject: 'demo-analytics', kind: 'service', roles: [] });
    expect(await post('/api/notifications/some-notification/read', analytics)).toMatchObject({
      status: 403,
      body: { message: 'a read-only client issues no commands' },
    });
    expect(
      (
        await post('/api/cases', analytics, {
          categoryCode: 'order.street-vending',
          description: '分析账号不应能上报',
          location: inHexie01,
        })
      ).status,
    ).toBe(403);
  });

  it('lets the 12345 hotline report a case and read its own reports, under its own name; it reads nobody else’s and acts as no staff', async () => {
    const hotline = await clientAccessToken(app.url, HOTLINE);
    const resident = await app.tokenFor('resident');
    const byResident = await post('/api/cases', resident, {
      categoryCode: 'order.street-vending',
      description: '居民自己上报的摊贩占道',
      location: inHexie01,
    });
    const reported = await post('/api/cases', hotline, {
      categoryCode: 'order.street-vending',
      description: '12345 来电：路口摊贩占道',
      location: inHexie01,
    });
    expect(reported).toMatchObject({ status: 201, body: { status: 'Reported' } });
    const caseId: string = reported.body.caseId;

    // The list is a read model that follows the report a moment later.
    await eventuallyPasses(async () => {
      const own = await get('/api/cases', hotline);
      expect(own.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    });
    expect((await get(`/api/cases/${caseId}`, hotline)).status).toBe(200);
    expect((await get(`/api/cases/${byResident.body.caseId}`, hotline)).status).toBe(403);
    expect((await post(`/api/cases/${caseId}/accept`, hotline)).status).toBe(403);

    const events = (await app.platform.infrastructure.get('grid-events')!.eventStore.readStream(`case-${caseId}`)).events;
    // Reported via the hotline for a caller it does not name: no resident id, so no resident's points for the machine.
    expect(events[0]).toMatchObject({
      type: 'CaseReported',
      actor: { id: 'demo-hotline-12345', kind: 'service' },
      data: { reporterId: null, reportedVia: 'hotline' },
    });
  });
});
