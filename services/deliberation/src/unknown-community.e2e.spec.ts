import { ManualClock } from '@gongzhi/eventsourcing';
import type { Principal } from '@gongzhi/identity';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService } from './index';

/**
 * A city-wide caller (an admin) covers every community, so the organisation tree, not their authority, is what keeps a
 * team, a budget pool, an interest group or a meeting out of a community the city does not have.
 */
describe('a community the city does not have', () => {
  let app: TestApp;
  const admin: Principal = { subject: 'city-admin', roles: ['admin'], scope: { cityId: 'city-shanghai' }, verification: 'verified' };
  const storedEvents = async () => (await app.platform.infrastructure.get('deliberation')!.eventStore.readAll()).length;

  beforeAll(async () => {
    app = await startTestApp([deliberationService], { clock: new ManualClock(new Date('2026-11-26T01:00:00.000Z')) });
  });
  afterAll(() => app?.close());

  it.each([
    ['a volunteer team', 'POST', '/api/deliberation/communities/community-nowhere/volunteer-teams', { name: '护河队' }, 'VOLUNTEER_TEAM'],
    [
      'a budget pool',
      'POST',
      '/api/deliberation/budgets',
      { communityId: 'community-nowhere', year: 2026, baseAmountYuan: 100000 },
      'BUDGET',
    ],
    ['an interest group', 'POST', '/api/deliberation/interest-groups', { communityId: 'community-nowhere', name: '太极拳社' }, 'GROUP'],
  ] as const)('is no place for %s, even an admin’s: 400 naming the field, nothing stored', async (_what, method, path, body, prefix) => {
    const before = await storedEvents();
    const answer = await app.request(method, path, { token: await app.tokenAs(admin), body });
    expect(answer).toMatchObject({
      status: 400,
      body: {
        statusCode: 400,
        code: `${prefix}.UNKNOWN_COMMUNITY`,
        message: 'community-nowhere is not a community of the city',
        errors: [{ path: 'communityId', message: 'community-nowhere is not a community of the city' }],
      },
    });
    expect(await storedEvents()).toBe(before);
  });

  it('takes the same requests in a community the tree knows', async () => {
    const token = await app.tokenAs(admin);
    const before = await storedEvents();
    expect(
      (await app.request('POST', '/api/deliberation/communities/community-yanping/volunteer-teams', { token, body: { name: '护河队' } }))
        .status,
    ).toBe(201);
    expect(
      (
        await app.request('POST', '/api/deliberation/budgets', {
          token,
          body: { communityId: 'community-yanping', year: 2026, baseAmountYuan: 100000 },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await app.request('POST', '/api/deliberation/interest-groups', {
          token,
          body: { communityId: 'community-yanping', name: '太极拳社' },
        })
      ).status,
    ).toBe(201);
    expect(await storedEvents()).toBeGreaterThan(before);
  });
});
