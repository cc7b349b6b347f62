import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coBuildingService, communityActivitiesResponse } from '@gongzhi/co-building';
import { deliberationService } from '@gongzhi/deliberation';
import { DEMO_ACCOUNTS, type Principal } from '@gongzhi/identity';
import { loadPointsSettings, pointsService } from '@gongzhi/points';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';

const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
const hexie = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const heping = { ...hexie, communityId: 'community-heping' };
const resident = (scope = hexie, verification: Principal['verification'] = 'verified'): Principal => ({
  subject: `resident-${randomUUID()}`,
  roles: ['resident'],
  scope,
  verification,
});

// Early sign-up (活动优先报名): a level unlocking 'early-sign-up' lets a resident sign up for a community activity
// before sign-up opens for everyone; co-building learns the level from points' public LevelReached, for real here.
// The clock stands at 2026-11-26 17:00 in Shanghai.
describe('signing up for a community activity, early only with the level that unlocks it', () => {
  let app: TestApp;
  let officer: string;
  let demoResident: string;
  let residentId: string;

  beforeAll(async () => {
    // One meeting attended (+10) reaches 热心居民 here, which unlocks early sign-up.
    const defaults = loadPointsSettings({}).config;
    const levels = [
      { name: '居民', minLifetimePoints: 0, privileges: [] },
      { name: '热心居民', minLifetimePoints: 10, privileges: ['early-sign-up'] },
      { name: '社区达人', minLifetimePoints: 300, privileges: ['propose-without-co-signer', 'lead-volunteer-team', 'moderate-meeting'] },
    ];
    const config = join(mkdtempSync(join(tmpdir(), 'points-early-sign-up-')), 'points.json');
    writeFileSync(config, JSON.stringify({ ...defaults, levels }));
    app = await startTestApp([coBuildingService, deliberationService, pointsService], { env: { GONGZHI_POINTS_CONFIG: config } });
    const login = (role: string) => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      return app.login(account.username, account.password);
    };
    officer = await login('community_officer');
    demoResident = await login('resident');
    residentId = subjectOf(demoResident);
  });
  afterAll(() => app?.close());

  const request = (method: string, path: string, token: string | undefined, body?: unknown) => app.request(method, path, { token, body });
  const schedule = (body: Record<string, unknown>, token = officer) =>
    request('POST', '/api/co-building/activities', token, {
      title: '社区茶话会',
      startsAt: '2026-12-10T14:00:00+08:00',
      capacity: 10,
      signUpOpensAt: '2026-11-27T10:00:00+08:00',
      ...body,
    });
  const signUp = (activityId: string, token: string, body: Record<string, unknown> = {}) =>
    request('POST', `/api/co-building/activities/${activityId}/sign-ups`, token, body);

  it('lets only an officer of the community schedule, and refuses a bad capacity or opening', async () => {
    expect((await schedule({}, await app.tokenAs(resident()))).status).toBe(403);
    const elsewhere = await app.tokenAs({
      subject: 'officer-heping',
      roles: ['community_officer'],
      scope: heping,
      verification: 'verified',
    });
    expect((await schedule({ communityId: 'community-hexie' }, elsewhere)).status).toBe(403);
    const tooMany = await schedule({ capacity: 501 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'capacity' })]));
    const late = await schedule({ signUpOpensAt: '2026-12-10T15:00:00+08:00' });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ code: 'ACTIVITY.INVALID_SIGN_UP_OPENING' });
  });

  it('refuses before sign-up opens, naming the opening in city time, a resident whose level does not unlock early sign-up', async () => {
    const { body: activity } = await schedule({});
    const refused = await signUp(activity.activityId, demoResident);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ACTIVITY.SIGN_UP_NOT_OPEN');
    expect(refused.body.message).toContain('2026-11-27 10:00');
  });

  it('lets the resident sign up early once points tells co-building their level unlocks it, marking the sign-up early', async () => {
    const { body: activity } = await schedule({ title: '读书会' });
    await attendAMeeting();
    await eventuallyPasses(async () => {
      const signedUp = await signUp(activity.activityId, demoResident);
      expect(signedUp.status).toBe(201);
      expect(signedUp.body).toEqual({ activityId: activity.activityId, early: true, placesLeft: 9 });
    });
    expect((await signUp(activity.activityId, demoResident)).body).toMatchObject({ code: 'ACTIVITY.ALREADY_SIGNED_UP' });
    const stored = await app.platform.infrastructure.get('co-building')!.eventStore.readStream(`activity-${activity.activityId}`);
    expect(stored.events.map((e) => [e.type, (e.data as { early?: boolean }).early])).toEqual([
      ['CommunityActivityScheduled', undefined],
      ['ActivitySignedUp', true],
    ]);
    // Another resident of the community without the level still waits for the opening.
    expect((await signUp(activity.activityId, await app.tokenAs(resident()))).body).toMatchObject({ code: 'ACTIVITY.SIGN_UP_NOT_OPEN' });
  });

  it('refuses a resident of another community, an unverified resident, an officer and signing up somebody else', async () => {
    const { body: activity } = await schedule({ signUpOpensAt: '2026-11-26T10:00:00+08:00' });
    const fromHeping = await signUp(activity.activityId, await app.tokenAs(resident(heping)));
    expect(fromHeping.status).toBe(403);
    expect(fromHeping.body.code).toBe('ACTIVITY.FORBIDDEN');
    expect((await signUp(activity.activityId, await app.tokenAs(resident(hexie, 'unverified')))).status).toBe(403);
    expect((await signUp(activity.activityId, officer)).status).toBe(403);
    const forSomebodyElse = await signUp(activity.activityId, await app.tokenAs(resident()), { residentId });
    expect(forSomebodyElse.status).toBe(403);
    expect(forSomebodyElse.body.errors).toEqual([expect.objectContaining({ path: 'residentId' })]);
    const stored = await app.platform.infrastructure.get('co-building')!.eventStore.readStream(`activity-${activity.activityId}`);
    expect(stored.events.map((e) => e.type)).toEqual(['CommunityActivityScheduled']);
  });

  it('gives the last place to exactly one of two residents signing up at once, and lists the places left', async () => {
    const { body: activity } = await schedule({ title: '包饺子', capacity: 2, signUpOpensAt: '2026-11-26T10:00:00+08:00' });
    expect((await signUp(activity.activityId, await app.tokenAs(resident()))).status).toBe(201);
    const [a, b] = await Promise.all([
      signUp(activity.activityId, await app.tokenAs(resident())),
      signUp(activity.activityId, await app.tokenAs(resident())),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a.body.code, b.body.code]).toContain('ACTIVITY.FULL');
    const stored = await app.platform.infrastructure.get('co-building')!.eventStore.readStream(`activity-${activity.activityId}`);
    expect(stored.events.filter((e) => e.type === 'ActivitySignedUp')).toHaveLength(2);
    await eventuallyPasses(async () => {
      const listed = await request('GET', '/api/co-building/communities/community-hexie/activities', demoResident);
      expect(communityActivitiesResponse.parse(listed.body).find((l) => l.activityId === activity.activityId)).toMatchObject({
        title: '包饺子',
        capacity: 2,
        placesLeft: 0,
        startsAtCityTime: '2026-12-10 14:00',
        signUpOpensAtCityTime: '2026-11-26 10:00',
        earlySignUpHours: 24,
      });
    });
  });

  it('refuses signing up once the activity has started', async () => {
    const { body: activity } = await schedule({ startsAt: '2026-11-27T10:00:00+08:00', signUpOpensAt: '2026-11-26T10:00:00+08:00' });
    app.clock.set('2026-11-27T02:00:00.000Z');
    const refused = await signUp(activity.activityId, await app.tokenAs(resident()));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ACTIVITY.STARTED');
  });

  async function attendAMeeting(): Promise<void> {
    const api = '/api/deliberation/topics';
    const proposed = await request('POST', api, demoResident, { title: '楼道堆物', description: '请大家商量' });
    expect(proposed.status).toBe(201);
    const { topicId } = proposed.body;
    expect((await request('POST', `${api}/${topicId}/screening`, officer, { outcome: 'accepted' })).status).toBe(200);
    expect((await request('POST', `${api}/${topicId}/consultation`, officer, { draftPlan: '每月清理' })).status).toBe(200);
    expect((await request('POST', `${api}/${topicId}/discussion`, officer, { meetingAt: '2026-12-05T10:00:00+08:00' })).status).toBe(200);
    const attended = await request('POST', `${api}/${topicId}/attendance`, officer, { residentIds: [residentId] });
    expect(attended.status).toBeLessThan(300);
  }
});
