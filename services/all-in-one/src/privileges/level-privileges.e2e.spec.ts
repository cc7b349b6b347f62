import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliberationService, myPrivilegesResponse } from '@gongzhi/deliberation';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import { loadPointsSettings, pointsService } from '@gongzhi/points';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';

const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;

// Level privileges (等级权限) and opinion leaders (意见领袖): points names what each level unlocks; deliberation learns a
// resident's level from points' public events and lets staff pick a resident moderator only from the residents who
// opted in and whose level unlocks moderating.
describe('a resident moderates a council meeting only by their own choice and their level', () => {
  let app: TestApp;
  const tokens: Partial<Record<Role, string>> = {};
  let residentId: string;

  beforeAll(async () => {
    // One meeting attended (+10) reaches 热心居民 here, which unlocks moderating; by default that takes 治理专家.
    const defaults = loadPointsSettings({}).config;
    const levels = [
      { name: '居民', minLifetimePoints: 0, privileges: [] },
      { name: '热心居民', minLifetimePoints: 10, privileges: ['early-sign-up', 'moderate-meeting'] },
      { name: '社区达人', minLifetimePoints: 300, privileges: ['propose-without-co-signer', 'lead-volunteer-team'] },
    ];
    const config = join(mkdtempSync(join(tmpdir(), 'points-privileges-')), 'points.json');
    writeFileSync(config, JSON.stringify({ ...defaults, levels }));
    app = await startTestApp([deliberationService, pointsService], { env: { GONGZHI_POINTS_CONFIG: config } });
    for (const role of ['resident', 'community_officer', 'street_officer'] as const) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      tokens[role] = await app.login(account.username, account.password);
    }
    residentId = subjectOf(tokens.resident!);
  });
  afterAll(() => app?.close());

  const request = (method: string, path: string, token: string | undefined, body?: unknown) => app.request(method, path, { token, body });
  const scheduleWith = (moderatorId: string, token = tokens.community_officer!) =>
    request('POST', '/api/deliberation/meetings', token, {
      communityId: 'community-hexie',
      title: '红茶议事会：楼道堆物',
      scheduledAt: '2026-12-12T19:00:00+08:00',
      agenda: ['楼道堆物怎么清'],
      moderatorId,
    });
  const optIn = (token: string, optedIn = true, who = residentId) =>
    request('PUT', `/api/deliberation/residents/${who}/volunteer-roles`, token, { role: 'meeting-moderator', optedIn });
  const pool = (token: string, communityId = 'community-hexie') =>
    request('GET', `/api/deliberation/communities/${communityId}/volunteer-pool?role=meeting-moderator`, token);

  it('shows residents what each level unlocks in the points rules', async () => {
    const rules = await request('GET', '/api/points/rules', tokens.resident);
    expect(rules.body.levels.map((l: { name: string; privileges: string[] }) => [l.name, l.privileges])).toEqual([
      ['居民', []],
      ['热心居民', ['early-sign-up', 'moderate-meeting']],
      ['社区达人', ['propose-without-co-signer', 'lead-volunteer-team']],
    ]);
  });

  it('refuses staff picking a resident who did not opt in', async () => {
    const refused = await scheduleWith(residentId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'VOLUNTEER_ROLE.NOT_OPTED_IN', errors: [{ path: 'moderatorId' }] });
    expect(refused.body.message).toMatch(/has not offered to serve as meeting-moderator/);
  });

  it('refuses one resident opting in another, and an officer opting in a resident', async () => {
    const neighbour = await app.tokenAs({
      subject: 'resident-neighbour',
      roles: ['resident'],
      scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' },
      verification: 'verified',
    });
    const byNeighbour = await optIn(neighbour);
    expect(byNeighbour.status).toBe(403);
    expect(byNeighbour.body).toMatchObject({ code: 'VOLUNTEER_ROLE.FORBIDDEN', errors: [{ path: 'residentId' }] });
    expect((await optIn(tokens.community_officer!)).status).toBe(403);
    const mine = await request('GET', '/api/deliberation/residents/me/privileges', tokens.resident);
    expect(myPrivilegesResponse.parse(mine.body).roles.find((r) => r.role === 'meeting-moderator')).toMatchObject({ optedIn: false });
  });

  it('refuses a resident who opted in but whose level does not unlock moderating', async () => {
    const opted = await optIn(tokens.resident!);
    expect(opted.status).toBe(200);
    expect(opted.body).toEqual({ residentId, role: 'meeting-moderator', optedIn: true, communityId: 'community-hexie' });
    const refused = await scheduleWith(residentId);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'VOLUNTEER_ROLE.PRIVILEGE_MISSING',
      errors: [{ path: 'moderatorId' }],
    });
    expect(refused.body.message).toMatch(/has not reached the level that unlocks moderate-meeting/);
    expect((await pool(tokens.community_officer!)).body.residents).toEqual([]);
  });

  it('lets staff pick the resident once their level unlocks moderating, and the resident open the meeting', async () => {
    await attendAMeeting();
    await eventuallyPasses(async () => {
      const mine = await request('GET', '/api/deliberation/residents/me/privileges', tokens.resident);
      expect(mine.body).toMatchObject({ level: { name: '热心居民', index: 1 }, privileges: ['early-sign-up', 'moderate-meeting'] });
    });
    expect((await pool(tokens.community_officer!)).body.residents).toEqual([{ residentId, displayName: '王秀英', level: '热心居民' }]);
    const scheduled = await scheduleWith(residentId);
    expect(scheduled.status).toBe(201);
    const started = await request('POST', `/api/deliberation/meetings/${scheduled.body.meetingId}/start`, tokens.resident);
    expect(started.status).toBe(200);
  });

  it('takes a resident who opted out off the pool at once', async () => {
    const out = await optIn(tokens.resident!, false);
    expect(out.body).toMatchObject({ optedIn: false, communityId: null });
    expect((await scheduleWith(residentId)).body).toMatchObject({ code: 'VOLUNTEER_ROLE.NOT_OPTED_IN' });
    await optIn(tokens.resident!, true);
  });

  it('shows the pool only to officers of the community', async () => {
    expect((await pool(tokens.resident!)).status).toBe(403);
    const otherStreet = await app.tokenAs({
      subject: 'officer-elsewhere',
      roles: ['community_officer'],
      scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-waitan', communityId: 'community-elsewhere' },
      verification: 'verified',
    });
    expect((await pool(otherStreet)).status).toBe(403);
    expect((await scheduleWith(residentId, otherStreet)).status).toBe(403);
    expect((await pool(tokens.street_officer!)).status).toBe(200);
    const badRole = await request(
      'GET',
      '/api/deliberation/communities/community-hexie/volunteer-pool?role=mayor',
      tokens.community_officer,
    );
    expect(badRole.status).toBe(400);
  });

  /** A topic taken to its discussion meeting, where the officer records the resident's attendance (+10 points). */
  async function attendAMeeting(): Promise<void> {
    const api = '/api/deliberation/topics';
    const officer = tokens.community_officer!;
    const proposed = await request('POST', api, tokens.resident, { title: '楼道堆物', description: '请大家商量' });
    expect(proposed.status).toBe(201);
    const { topicId } = proposed.body;
    expect((await request('POST', `${api}/${topicId}/screening`, officer, { outcome: 'accepted' })).status).toBe(200);
    expect((await request('POST', `${api}/${topicId}/consultation`, officer, { draftPlan: '每月清理' })).status).toBe(200);
    expect((await request('POST', `${api}/${topicId}/discussion`, officer, { meetingAt: '2026-12-05T10:00:00+08:00' })).status).toBe(200);
    const attended = await request('POST', `${api}/${topicId}/attendance`, officer, { residentIds: [residentId] });
    expect(attended.status).toBeLessThan(300);
  }
});
