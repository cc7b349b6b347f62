import { createHash, randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Module, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DEMO_ACCOUNTS, IdentityModule } from '@gongzhi/identity';
import { dashboardsModule } from './dashboards.module';
import { eventuallyPasses, sseReader } from '@gongzhi/testing';
import { openEmbeddedDashboards, type EmbeddedDashboards } from './testing/embedded-dashboards';

describe('dashboards over HTTP', () => {
  let dash: EmbeddedDashboards;
  let app: INestApplication;
  let url: string;
  const place = { streetId: 'street-a', communityId: 'community-1', gridId: 'grid-a1' };
  const get = async (path: string, token?: string) => {
    const response = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    dash = await openEmbeddedDashboards({ liveIntervalMs: 200 });
    const identity = IdentityModule.forEmbedded({
      secret: randomBytes(32).toString('hex'),
      database: { type: 'better-sqlite3', database: ':memory:' },
      demoAccounts: DEMO_ACCOUNTS,
      onDemoAccountsCreated: () => undefined,
      clock: dash.clock,
    });
    @Module({ imports: [identity, dashboardsModule(dash.infrastructure)] })
    class TestHost {}
    app = await NestFactory.create(TestHost, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    await dash?.close();
  });

  it('answers the city figures without a token, and a bad query with 400 and the field at fault', async () => {
    await dash.city.caseThroughTheLoop('c1', place, { acknowledgeAfterMinutes: 15, resolveAfterHours: 3, score: 4 });
    await eventuallyPasses(async () => expect((await get('/api/dashboards/cases/sla')).body.rows[0].cases).toBe(1));

    const sla = await get('/api/dashboards/cases/sla?groupBy=street');
    expect(sla.status).toBe(200);
    expect(sla.body.rows).toEqual([
      expect.objectContaining({ key: 'street-a', cases: 1, acknowledgeMedianMinutes: 15, satisfactionAverage: 4 }),
    ]);
    const overview = await get('/api/dashboards/overview');
    expect(overview.body).toMatchObject({ openCasesNow: 0, cases: { cases: 1 }, activeResidents: 1 });
    const daily = await get('/api/dashboards/cases/daily?from=2026-11-20&to=2026-11-26');
    expect(daily.body.days).toHaveLength(7);
    expect(daily.body.days[6]).toMatchObject({ day: '2026-11-26', reported: 1, resolved: 1 });
    for (const path of [
      'whistles/summary',
      'whistles/daily',
      'deliberation/summary',
      'deliberation/topics',
      'deliberation/daily',
      'adopted-suggestions',
      'points/summary',
      'points/daily',
      'honour-roll',
      'participation',
      'co-building/summary',
      'co-building/daily',
      'co-building/projects',
    ]) {
      expect([path, (await get(`/api/dashboards/${path}`)).status]).toEqual([path, 200]);
    }

    const bad = await get('/api/dashboards/cases/sla?groupBy=planet&from=2026-13-01');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/groupBy/);
    expect(JSON.stringify(bad.body)).toMatch(/from/);
  });

  it('sends a kept figure as JSON with its tag, and a reader who already holds it gets 304 and no body', async () => {
    for (const path of ['/api/dashboards/cases/sla?groupBy=grid', '/api/dashboards/overview']) {
      const first = await fetch(`${url}${path}`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const text = await first.text();
      // The tag Express gives a body: its byte length in hex and its SHA-1.
      const sha1 = createHash('sha1').update(text).digest('base64').substring(0, 27);
      expect(first.headers.get('etag')).toBe(`W/"${Buffer.byteLength(text).toString(16)}-${sha1}"`);
      // As a browser revalidates (fetch itself would add no-cache, which forbids a 304).
      const revalidation = { 'if-none-match': first.headers.get('etag')!, 'cache-control': 'max-age=0' };
      const again = await fetch(`${url}${path}`, { headers: revalidation });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(JSON.parse(text)).toEqual(JSON.parse(await (await fetch(`${url}${path}`)).text()));
    }
  });

  it('answers co-building per community, with the approval rate and the public fund share', async () => {
    await dash.city.startProject('p1', { communityId: 'community-1' });
    await dash.city.requestResource('p1', 'q1');
    await dash.city.decideRequest('p1', 'q1', 'approved');
    await dash.city.recordIncome('p1', 20_000, { teamSharePercent: 60 });
    await eventuallyPasses(async () =>
      expect((await get('/api/dashboards/co-building/summary')).body.rows[0].income.totalFen).toBe(20_000),
    );

    const summary = await get('/api/dashboards/co-building/summary?groupBy=community');
    expect(summary.status).toBe(200);
    expect(summary.body.rows).toEqual([
      expect.objectContaining({
        key: 'community-1',
        projects: { started: 1, total: 1, active: 0 },
        resourceRequests: expect.objectContaining({ approved: 1, approvalRatePercent: 100, pendingNow: 0 }),
        income: expect.objectContaining({ totalFen: 20_000, teamShareFen: 12_000, fundShareFen: 8_000, fundSharePercent: 40 }),
      }),
    ]);
    const bad = await get('/api/dashboards/co-building/summary?groupBy=street');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/groupBy/);
  });

  it('tells a live dashboard which figures moved, after the events are applied', async () => {
    const response = await fetch(`${url}/api/dashboards/stream`, { headers: { accept: 'text/event-stream' } });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const { next, close } = sseReader(response);
    expect((await next()).event).toBe('ready');

    await dash.city.reportCase('c2', place);
    await dash.city.awardPoints('resident-c2', 5);
    const changed = new Set<string>();
    while (!(changed.has('cases') && changed.has('points'))) {
      const message = await next();
      if (message.event !== 'changed') continue;
      message.data.figures.forEach((f: string) => changed.add(f));
      // A dashboard refetching on the message sees the new figures.
      if (message.data.figures.includes('cases')) expect((await get('/api/dashboards/cases/sla')).body.rows[0].cases).toBe(2);
    }
    expect([...changed]).toEqual(expect.arrayContaining(['cases', 'points', 'participation']));
    await close();
  });

  it('shows projector lag and rebuilds a read model for an admin only', async () => {
    const login = async (role: string) => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: account.username, password: account.password }),
      });
      return ((await response.json()) as { accessToken: string }).accessToken;
    };
    expect((await get('/api/dashboards/projectors')).status).toBe(401);
    expect((await get('/api/dashboards/projectors', await login('resident'))).status).toBe(403);
    const admin = await login('admin');
    const status = await get('/api/dashboards/projectors', admin);
    expect(status.body.projectors.map((p: { name: string }) => p.name)).toContain('dashboards-cases');

    const before = (await get('/api/dashboards/cases/sla')).body.rows;
    const rebuilt = await fetch(`${url}/api/dashboards/projectors/dashboards-cases/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.json()).toMatchObject({
      projector: 'dashboards-cases',
      applied: await dash.stores['gongzhi.grid-events.v1'].headPosition(),
    });
    expect((await get('/api/dashboards/cases/sla')).body.rows).toEqual(before);
  });

  it('describes every route in the OpenAPI document', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Gongzhi').build());
    const paths = Object.keys(document.paths).filter((p) => p.startsWith('/api/dashboards'));
    expect(paths.sort()).toEqual(
      [
        '/api/dashboards/adopted-suggestions',
        '/api/dashboards/cases/daily',
        '/api/dashboards/cases/sla',
        '/api/dashboards/co-building/daily',
        '/api/dashboards/co-building/projects',
        '/api/dashboards/co-building/summary',
        '/api/dashboards/deliberation/assisted-ballots',
        '/api/dashboards/deliberation/daily',
        '/api/dashboards/deliberation/summary',
        '/api/dashboards/deliberation/topics',
        '/api/dashboards/evaluation/communities/{communityId}',
        '/api/dashboards/evaluation/grants',
        '/api/dashboards/evaluation/grants/me',
        '/api/dashboards/evaluation/reports',
        '/api/dashboards/honour-roll',
        '/api/dashboards/league-table',
        '/api/dashboards/league-table.csv',
        '/api/dashboards/overview',
        '/api/dashboards/participation',
        '/api/dashboards/points/daily',
        '/api/dashboards/points/incentive-dependency',
        '/api/dashboards/points/summary',
        '/api/dashboards/projectors',
        '/api/dashboards/projectors/{name}/rebuild',
        '/api/dashboards/stream',
        '/api/dashboards/whistles/daily',
        '/api/dashboards/whistles/summary',
      ].sort(),
    );
    const sla = document.paths['/api/dashboards/cases/sla'].get!;
    expect(sla.parameters?.map((p) => ('name' in p ? p.name : null))).toEqual(
      expect.arrayContaining(['groupBy', 'from', 'to', 'streetId']),
    );
    expect(JSON.stringify(sla.responses['200'])).toContain('resolveP90Minutes');
  });
});
