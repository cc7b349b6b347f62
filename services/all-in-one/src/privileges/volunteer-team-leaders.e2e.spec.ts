import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliberationService, myPrivilegesResponse, volunteerPoolResponse, volunteerTeamsAnswer } from '@gongzhi/deliberation';
import { DEMO_ACCOUNTS, type Principal, type Role } from '@gongzhi/identity';
import { loadPointsSettings, pointsService } from '@gongzhi/points';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';

const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
const HEXIE = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const resident = (subject: string, scope = HEXIE): Principal => ({ subject, roles: ['resident'], scope, verification: 'verified' });

// 志愿队队长 (the essay's 3.4.3 意见领袖带动): officers of a community form volunteer teams and appoint their leaders only
// from the residents who opted in to lead there and whose level unlocks `lead-volunteer-team`, as points names it.
describe('a volunteer team is led by a resident who offered to lead and whose level allows it', () => {
  let app: TestApp;
  const tokens: Partial<Record<Role, string>> = {};
  let wangId: string;
  let li: string;
  let lacking: string;
  let teamId: string;

  beforeAll(async () => {
    // One meeting attended (+10) reaches 热心居民 here, which unlocks leading a team; by default that takes 社区达人.
    const defaults = loadPointsSettings({}).config;
    const levels = [
      { name: '居民', minLifetimePoints: 0, privileges: [] },
      { name: '热心居民', minLifetimePoints: 10, privileges: ['early-sign-up', 'lead-volunteer-team'] },
      { name: '治理专家', minLifetimePoints: 500, privileges: ['propose-without-co-signer', 'moderate-meeting'] },
    ];
    const config = join(mkdtempSync(join(tmpdir(), 'points-team-leaders-')), 'points.json');
    writeFileSync(config, JSON.stringify({ ...defaults, levels }));
    app = await startTestApp([deliberationService, pointsService], { env: { GONGZHI_POINTS_CONFIG: config } });
    for (const role of ['resident', 'community_officer', 'street_officer'] as const) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      tokens[role] = await app.login(account.username, account.password);
    }
    wangId = subjectOf(tokens.resident!);
    li = await app.tokenAs(resident('resident-li'));
    lacking = await app.tokenAs(resident('resident-lacking'));
  });
  afterAll(() => app?.close());

  const api = '/api/deliberation/communities/community-hexie/volunteer-teams';
  const request = (method: string, path: string, token: string | undefined, body?: unknown) => app.request(method, path, { token, body });
  const form = (body: Record<string, unknown>, token = tokens.community_officer!) =>
    request('POST', api, token, { name: '环保志愿队', purpose: '每周六清理小区河道', ...body });
  const appoint = (team: string, leaderId: string, token = tokens.community_officer!) =>
    request('PUT', `${api}/${team}/leader`, token, { leaderId });
  const teams = async (token = tokens.community_officer!) => {
    const answer = await request('GET', api, token);
    expect(answer.status).toBe(200);
    // Parsed with the very schema the OpenAPI document declares, so the web's generated types cannot drift from it.
    return volunteerTeamsAnswer.parse(answer.body).teams;
  };
  const optIn = (token: string, optedIn = true) =>
    request('PUT', `/api/deliberation/residents/${subjectOf(token)}/volunteer-roles`, token, { role: 'volunteer-team-leader', optedIn });
  const mine = async (token: string) =>
    myPrivilegesResponse.parse((await request('GET', '/api/deliberation/residents/me/privileges', token)).body);

  it('refuses a resident who never opted in to lead, and forms no team', async () => {
    const refused = await form({ leaderId: wangId });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'VOLUNTEER_ROLE.NOT_OPTED_IN', errors: [{ path: 'leaderId' }] });
    expect(refused.body.message).toMatch(/has not offered to serve as volunteer-team-leader/);
    expect(await teams()).toEqual([]);
  });

  it('refuses a resident who opted in but whose level does not unlock leading', async () => {
    expect((await optIn(lacking)).status).toBe(200);
    const refused = await form({ leaderId: 'resident-lacking' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'VOLUNTEER_ROLE.PRIVILEGE_MISSING', errors: [{ path: 'leaderId' }] });
    expect(refused.body.message).toMatch(/has not reached the level that unlocks lead-volunteer-team/);
    expect(await teams()).toEqual([]);
  });

  it('lets no resident and no officer of another community form a team or appoint', async () => {
    const elsewhere = await app.tokenAs({
      subject: 'officer-elsewhere',
      roles: ['community_officer'],
      scope: { ...HEXIE, streetId: 'street-waitan', communityId: 'community-elsewhere' },
      verification: 'verified',
    });
    expect((await form({ leaderId: 'resident-lacking' }, lacking)).status).toBe(403);
    const byOther = await form({}, elsewhere);
    expect(byOther.status).toBe(403);
    expect(byOther.body).toMatchObject({ code: 'VOLUNTEER_TEAM.FORBIDDEN' });
    expect((await request('GET', api, elsewhere)).status).toBe(403);
    expect(
      (await request('GET', api, await app.tokenAs(resident('resident-far', { ...HEXIE, communityId: 'community-elsewhere' })))).status,
    ).toBe(403);
    expect(await teams()).toEqual([]);
  });

  it('answers bad input with the field and stores nothing', async () => {
    const unnamed = await form({ name: '   ' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([expect.objectContaining({ path: 'name' })]);
    const rambling = await form({ purpose: '很长'.repeat(101) });
    expect(rambling.status).toBe(400);
    expect(rambling.body.errors).toEqual([expect.objectContaining({ path: 'purpose' })]);
    const noLeader = await request('PUT', `${api}/team-made-up/leader`, tokens.community_officer, {});
    expect(noLeader.status).toBe(400);
    expect(noLeader.body.errors).toEqual([expect.objectContaining({ path: 'leaderId' })]);
    expect(await teams()).toEqual([]);
  });

  it('lets the officer appoint a resident from the pool, shown to the community by name', async () => {
    expect((await optIn(tokens.resident!)).status).toBe(200);
    expect((await optIn(li)).status).toBe(200);
    await attendAMeeting([wangId, 'resident-li']);
    await eventuallyPasses(async () => {
      expect(await mine(tokens.resident!)).toMatchObject({
        level: { name: '热心居民' },
        privileges: ['early-sign-up', 'lead-volunteer-team'],
      });
      expect((await mine(li)).privileges).toContain('lead-volunteer-team');
    });
    const pool = await request(
      'GET',
      '/api/deliberation/communities/community-hexie/volunteer-pool?role=volunteer-team-leader',
      tokens.community_officer,
    );
    expect(volunteerPoolResponse.parse(pool.body).residents).toEqual(
      [
        { residentId: 'resident-li', displayName: null, level: '热心居民' },
        { residentId: wangId, displayName: '王秀英', level: '热心居民' },
      ].sort((a, b) => a.residentId.localeCompare(b.residentId)),
    );

    const formed = await form({ leaderId: wangId });
    expect(formed.status).toBe(201);
    expect(formed.body).toMatchObject({ communityId: 'community-hexie', name: '环保志愿队', leaderId: wangId });
    teamId = formed.body.teamId;

    // Neighbours see who leads, by name only; the leader sees it is them; the officers see whom to replace.
    expect(await teams(lacking)).toEqual([
      { teamId, name: '环保志愿队', purpose: '每周六清理小区河道', leader: { displayName: '王秀英', you: false } },
    ]);
    expect((await teams(tokens.resident!))[0].leader).toEqual({ residentId: wangId, displayName: '王秀英', you: true });
    expect((await teams())[0].leader).toMatchObject({ residentId: wangId });
    expect((await mine(tokens.resident!)).leadsTeam).toEqual({
      teamId,
      communityId: 'community-hexie',
      name: '环保志愿队',
      purpose: '每周六清理小区河道',
    });
  });

  it('refuses a second team of the same name, and one resident leading two teams', async () => {
    const sameName = await form({ name: '环保志愿队' });
    expect(sameName.status).toBe(409);
    expect(sameName.body).toMatchObject({ code: 'VOLUNTEER_TEAM.NAME_TAKEN', errors: [{ path: 'name' }] });
    const twice = await form({ name: '助老志愿队', purpose: undefined, leaderId: wangId });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'VOLUNTEER_TEAM.ALREADY_LEADS', errors: [{ path: 'leaderId' }] });
    expect(await teams()).toHaveLength(1);
  });

  it('lets the leader step down, nobody else, and the street officer appoint the next', async () => {
    const helpers = await form({ name: '助老志愿队', purpose: undefined }, tokens.street_officer);
    expect(helpers.status).toBe(201);
    expect(helpers.body.leaderId).toBeNull();
    expect((await appoint(helpers.body.teamId, 'resident-li', tokens.street_officer)).body).toMatchObject({ leaderId: 'resident-li' });

    const notTheirs = await request('DELETE', `${api}/${helpers.body.teamId}/leader`, tokens.resident);
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body).toMatchObject({ code: 'VOLUNTEER_TEAM.NOT_LEADER' });
    expect((await request('DELETE', `${api}/${helpers.body.teamId}/leader`, tokens.community_officer)).status).toBe(403);
    const stepped = await request('DELETE', `${api}/${helpers.body.teamId}/leader`, li);
    expect(stepped.status).toBe(200);
    expect(stepped.body.leaderId).toBeNull();
    expect((await teams()).map((t) => t.leader?.residentId ?? null)).toEqual([wangId, null]);
  });

  it('lets the officer replace the leader, and a leader who opts out stands down at once', async () => {
    const replaced = await appoint(teamId, 'resident-li');
    expect(replaced.status).toBe(200);
    expect(replaced.body.leaderId).toBe('resident-li');
    expect((await mine(tokens.resident!)).leadsTeam).toBeNull();
    // Nobody in the register goes by this account: the community reads "a resident".
    expect((await teams(tokens.resident!))[0].leader).toEqual({ displayName: null, you: false });

    const out = await optIn(li, false);
    expect(out.body).toMatchObject({ optedIn: false });
    expect((await teams())[0].leader).toBeNull();
    expect((await mine(li)).leadsTeam).toBeNull();
    expect((await appoint(teamId, 'resident-li')).body).toMatchObject({
      code: 'VOLUNTEER_ROLE.NOT_OPTED_IN',
      errors: [{ path: 'leaderId' }],
    });
    expect((await appoint('team-made-up', wangId)).status).toBe(404);
  });

  /** A topic taken to its discussion meeting, where the officer records the residents' attendance (+10 points each). */
  async function attendAMeeting(residentIds: string[]): Promise<void> {
    const topics = '/api/deliberation/topics';
    const officer = tokens.community_officer!;
    const proposed = await request('POST', topics, tokens.resident, { title: '河道垃圾', description: '请大家商量怎么清' });
    expect(proposed.status).toBe(201);
    const { topicId } = proposed.body;
    expect((await request('POST', `${topics}/${topicId}/screening`, officer, { outcome: 'accepted' })).status).toBe(200);
    expect((await request('POST', `${topics}/${topicId}/consultation`, officer, { draftPlan: '每周清理' })).status).toBe(200);
    expect((await request('POST', `${topics}/${topicId}/discussion`, officer, { meetingAt: '2026-12-05T10:00:00+08:00' })).status).toBe(
      200,
    );
    const attended = await request('POST', `${topics}/${topicId}/attendance`, officer, { residentIds });
    expect(attended.status).toBeLessThan(300);
  }
});
