import { deliberationService } from '@gongzhi/deliberation';
import { ManualClock } from '@gongzhi/eventsourcing';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import { defaultEdgeConfig } from '@gongzhi/platform';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { demoClockAdvancedAnswer, demoClockAnswer } from './demo-clock.http.controller';
import { demoModules } from './demo-modules';

// Issue 21, the demo clock: in demo mode an admin moves the platform's time and the durable timers fire, so a
// vote closes in a minute instead of three days; nobody else may move it, and outside demo mode it is not there.
describe('the demo clock', () => {
  const api = '/api/deliberation/topics';
  const advance = '/api/demo/clock/advance';

  describe('in demo mode', () => {
    let app: TestApp;
    const clock = new ManualClock(new Date('2026-11-26T09:00:00.000Z'));
    const login = (role: Role) => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      return app.login(account.username, account.password);
    };

    beforeAll(async () => {
      app = await startTestApp([deliberationService], {
        clock,
        imports: demoModules(defaultEdgeConfig({ demoData: true }), clock, () => app.platform),
      });
    });
    afterAll(() => app?.close());

    it('lets an admin move time past a vote’s close, and the topic’s result appears', async () => {
      const [resident, officer, admin] = await Promise.all([login('resident'), login('community_officer'), login('admin')]);
      const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });
      const proposed = await post(api, resident, {
        title: '小区增设充电桩',
        description: '楼道充电太危险',
        gridId: 'grid-hexie-01',
        anonymous: false,
      });
      const { topicId } = proposed.body;
      expect((await post(`${api}/${topicId}/screening`, officer, { outcome: 'accepted' })).status).toBe(200);
      expect((await post(`${api}/${topicId}/consultation`, officer, { draftPlan: '在车棚建充电桩' })).status).toBe(200);
      expect((await post(`${api}/${topicId}/discussion`, officer)).status).toBe(200);
      const closesAt = '2026-11-29T09:00:00.000Z';
      const voting = await post(`${api}/${topicId}/voting`, officer, {
        closesAt,
        options: { kind: 'yes_no_abstain' },
        eligibility: { scope: 'grid', scopeId: 'grid-hexie-01' },
        quorumPercent: 50,
        passThresholdPercent: 60,
      });
      expect([voting.status, voting.body.code]).toEqual([200, undefined]);
      expect((await app.request('PUT', `${api}/${topicId}/ballot`, { token: resident, body: { optionId: 'yes' } })).status).toBe(200);

      // A resident and an officer may not move the city's time.
      for (const token of [resident, officer]) expect((await post(advance, token, { hours: 80 })).status).toBe(403);
      // Bad input: one of hours or to, forward only; nothing moves.
      const neither = await post(advance, admin, {});
      expect([neither.status, neither.body.errors?.[0]?.path]).toEqual([400, 'hours']);
      expect((await post(advance, admin, { hours: -1 })).status).toBe(400);
      const backwards = await post(advance, admin, { to: '2026-11-01T00:00:00.000Z' });
      expect([backwards.status, backwards.body.code]).toEqual([422, 'DEMO_CLOCK.BACKWARDS']);
      expect(clock.now().toISOString()).toBe('2026-11-26T09:00:00.000Z');
      const stillOpen = await app.request('GET', `${api}/${topicId}`, { token: resident });
      expect(stillOpen.body.status).toBe('Voting');

      const moved = await post(advance, admin, { hours: 73 });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ from: '2026-11-26T09:00:00.000Z', now: '2026-11-29T10:00:00.000Z' });
      expect(moved.body.timersFired).toBeGreaterThanOrEqual(1);

      // Access tokens last 15 minutes of the platform's clock: the resident signs in again, as a person would.
      const closed = await app.request('GET', `${api}/${topicId}`, { token: await login('resident') });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'VotingClosed', result: { passed: true, winningOptionId: 'yes' } });
      const now = await app.request('GET', '/api/demo/clock', { token: await login('admin') });
      expect(now.body).toEqual({ now: '2026-11-29T10:00:00.000Z' });
      // Parsed with the schemas the OpenAPI document (and so the web app's types) declares.
      demoClockAnswer.parse(now.body);
      demoClockAdvancedAnswer.parse(moved.body);
    });
  });

  describe('outside demo mode', () => {
    let app: TestApp;
    const clock = new ManualClock(new Date('2026-11-26T09:00:00.000Z'));

    beforeAll(async () => {
      app = await startTestApp([deliberationService], {
        clock,
        imports: demoModules(defaultEdgeConfig({ demoData: false }), clock, () => app.platform),
      });
    });
    afterAll(() => app?.close());

    it('has no demo clock route, even for an admin', async () => {
      const admin = await app.tokenFor('admin');
      const moved = await app.request('POST', advance, { token: admin, body: { hours: 73 } });
      expect(moved.status).toBe(404);
      expect((await app.request('GET', '/api/demo/clock', { token: admin })).status).toBe(404);
      expect(clock.now().toISOString()).toBe('2026-11-26T09:00:00.000Z');
    });
  });
});
