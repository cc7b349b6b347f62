import { PROTOTYPE_NAMES } from '@gongzhi/contracts';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { pointsService } from './index';

/**
 * Ids in the URL or the body name rules, redemptions, entries, flags and awards; the state that knows them is a
 * record keyed by id. A name every object inherits (`constructor`, `__proto__` …) must find nothing, and nothing is written.
 */
describe('points: ids from outside are never object properties', () => {
  let app: TestApp;
  let admin: string;
  let resident: string;
  let officer: string;

  beforeAll(async () => {
    app = await startTestApp([pointsService]);
    admin = await app.tokenFor('admin');
    resident = await app.tokenFor('resident');
    officer = await app.tokenFor('community_officer');
  });
  afterAll(() => app?.close());

  const stored = () => app.platform.infrastructure.get('points')!.eventStore.headPosition();
  const residentId = 'resident-of-the-test';

  it.each(PROTOTYPE_NAMES)('refuses PUT /api/points/rules/%s and writes no PointRuleChanged', async (name) => {
    const before = await stored();
    const rulesBefore = (await app.request('GET', '/api/points/rules', { token: admin })).body.rules;
    const changed = await app.request('PUT', `/api/points/rules/${encodeURIComponent(name)}`, {
      token: admin,
      body: { points: 1, dailyCap: 1, enabled: true },
    });
    expect(changed.status).toBe(404);
    expect(changed.body).toMatchObject({ code: 'RULES.NOT_FOUND' });
    expect(await stored()).toBe(before);
    expect((await app.request('GET', '/api/points/rules', { token: admin })).body.rules).toEqual(rulesBefore);
  });

  it.each(PROTOTYPE_NAMES)('finds no redemption, entry, flag or award named %s, and writes nothing', async (name) => {
    const before = await stored();
    const id = encodeURIComponent(name);
    const answers = [
      await app.request('POST', `/api/points/redemptions/${id}/cancel`, { token: resident }),
      await app.request('POST', `/api/points/redemptions/${residentId}/${id}/use`, { token: admin }),
      await app.request('POST', `/api/points/time-bank/${residentId}/entries/${id}/verify`, { token: officer }),
      await app.request('POST', `/api/points/time-bank/${residentId}/entries/${id}/reject`, {
        token: officer,
        body: { reason: 'no such entry' },
      }),
      await app.request('POST', `/api/points/admin/flags/${residentId}/${id}/review`, {
        token: admin,
        body: { outcome: 'confirmed', note: null },
      }),
      await app.request('POST', '/api/points/admin/reversals', { token: admin, body: { residentId, sourceEventId: name, reason: 'test' } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    expect(await stored()).toBe(before);
  });
});
