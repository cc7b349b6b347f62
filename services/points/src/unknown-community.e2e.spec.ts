import type { Principal } from '@gongzhi/identity';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { pointsService } from '.';

/** An admin covers every community: the organisation tree keeps rewards and contests out of one the city does not have. */
describe('points in a community the city does not have', () => {
  let app: TestApp;
  const admin: Principal = { subject: 'city-admin', roles: ['admin'], scope: { cityId: 'city-shanghai' }, verification: 'verified' };
  const storedEvents = async () => (await app.platform.infrastructure.get('points')!.eventStore.readAll()).length;
  const reward = (communityId: string | null) => ({ name: '环保袋', pricePoints: 10, stock: 5, communityId });
  const contest = (communityId: string) => ({
    kind: 'idea',
    title: '金点子',
    communityId,
    startDate: '2026-12-01',
    endDate: '2026-12-31',
    prizePoints: 50,
  });

  beforeAll(async () => {
    app = await startTestApp([pointsService]);
  });
  afterAll(() => app?.close());

  it.each([
    ['a reward', '/api/points/rewards', reward('community-nowhere'), 'REWARD'],
    ['a contest', '/api/points/contests', contest('community-nowhere'), 'CONTEST'],
  ] as const)('is no place for %s, even an admin’s: 400 naming the field, nothing stored', async (_what, path, body, prefix) => {
    const before = await storedEvents();
    expect(await app.request('POST', path, { token: await app.tokenAs(admin), body })).toMatchObject({
      status: 400,
      body: {
        code: `${prefix}.UNKNOWN_COMMUNITY`,
        message: 'community-nowhere is not a community of the city',
        errors: [{ path: 'communityId' }],
      },
    });
    expect(await storedEvents()).toBe(before);
  });

  it('takes them in a community the tree knows, and a city-wide reward', async () => {
    const token = await app.tokenAs(admin);
    expect((await app.request('POST', '/api/points/rewards', { token, body: reward('community-yanping') })).status).toBe(201);
    expect((await app.request('POST', '/api/points/rewards', { token, body: reward(null) })).status).toBe(201);
    expect((await app.request('POST', '/api/points/contests', { token, body: contest('community-yanping') })).status).toBe(201);
  });
});
