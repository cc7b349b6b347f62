import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliberationService } from '@gongzhi/deliberation';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import { loadPointsSettings, pointsService } from '@gongzhi/points';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';

const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
const hexie = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const topics = '/api/deliberation/topics';

// 联署 (GONGZHI_TOPIC_COSIGNERS=1): a resident's topic waits for a verified neighbour's co-signature before it goes to
// screening, unless the resident's level (learnt from points' events) unlocks proposing without a co-signer.
describe('a topic waits for co-signers unless its proposer may propose alone', () => {
  let app: TestApp;
  const tokens: Partial<Record<Role, string>> = {};
  let residentId: string;
  let neighbour: string;

  beforeAll(async () => {
    // One meeting attended (+10) reaches 热心居民 here, which unlocks proposing alone; by default that takes 社区达人.
    const defaults = loadPointsSettings({}).config;
    const levels = [
      { name: '居民', minLifetimePoints: 0, privileges: [] },
      { name: '热心居民', minLifetimePoints: 10, privileges: ['propose-without-co-signer'] },
    ];
    const config = join(mkdtempSync(join(tmpdir(), 'points-co-signing-')), 'points.json');
    writeFileSync(config, JSON.stringify({ ...defaults, levels }));
    app = await startTestApp([deliberationService, pointsService], {
      env: { GONGZHI_POINTS_CONFIG: config, GONGZHI_TOPIC_COSIGNERS: '1' },
    });
    for (const role of ['resident', 'community_officer'] as const) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      tokens[role] = await app.login(account.username, account.password);
    }
    residentId = subjectOf(tokens.resident!);
    neighbour = await residentToken('resident-neighbour');
  });
  afterAll(() => app?.close());

  const request = (method: string, path: string, token: string | undefined, body?: unknown) => app.request(method, path, { token, body });
  const residentToken = (subject: string, overrides: { communityId?: string; verification?: 'verified' | 'unverified' } = {}) =>
    app.tokenAs({
      subject,
      roles: ['resident'],
      scope: { ...hexie, communityId: overrides.communityId ?? hexie.communityId },
      verification: overrides.verification ?? 'verified',
    });
  const propose = async (token: string, title = '楼道堆物') => {
    const proposed = await request('POST', topics, token, { title, description: '请大家商量' });
    expect(proposed.status).toBe(201);
    return proposed.body.topicId as string;
  };
  const coSign = (topicId: string, token: string | undefined) => request('POST', `${topics}/${topicId}/co-signatures`, token);
  const screen = (topicId: string) => request('POST', `${topics}/${topicId}/screening`, tokens.community_officer, { outcome: 'accepted' });

  it('shows a new topic waiting for a co-signer, and keeps it from screening until then', async () => {
    const topicId = await propose(tokens.resident!);
    const shown = await request('GET', `${topics}/${topicId}`, tokens.resident);
    expect(shown.body).toMatchObject({ status: 'AwaitingCoSigners', coSignersNeeded: 1, coSignerIds: [] });
    const early = await screen(topicId);
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'TOPIC.WRONG_STAGE' });
  });

  it("refuses the proposer's own signature, a second one, another community's resident and an unverified account", async () => {
    const topicId = await propose(tokens.resident!, '小区停车');
    const own = await coSign(topicId, tokens.resident);
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ code: 'TOPIC.OWN_TOPIC' });
    const elsewhere = await coSign(topicId, await residentToken('resident-elsewhere', { communityId: 'community-elsewhere' }));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toMatchObject({ code: 'TOPIC.FORBIDDEN' });
    const unverified = await coSign(topicId, await residentToken('resident-fresh', { verification: 'unverified' }));
    expect(unverified.status).toBe(403);
    expect(unverified.body).toMatchObject({ code: 'TOPIC.CO_SIGNER_UNVERIFIED' });
    expect((await coSign(topicId, tokens.community_officer)).status).toBe(403);
    expect((await coSign(topicId, undefined)).status).toBe(401);
    expect((await request('GET', `${topics}/${topicId}`, tokens.resident)).body).toMatchObject({
      status: 'AwaitingCoSigners',
      coSignerIds: [],
    });

    const signed = await coSign(topicId, neighbour);
    expect(signed.status).toBe(200);
    expect(signed.body).toEqual({ topicId, coSigners: 1, coSignersNeeded: 1, status: 'Proposed' });
    const twice = await coSign(topicId, neighbour);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'TOPIC.ALREADY_CO_SIGNED' });
    const late = await coSign(topicId, await residentToken('resident-late'));
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'TOPIC.WRONG_STAGE' });
    expect((await screen(topicId)).status).toBe(200);
  });

  it('refuses an anonymous proposer co-signing their own topic, while the topic names nobody', async () => {
    const proposed = await request('POST', topics, tokens.resident, { title: '噪音扰民', description: '夜里施工', anonymous: true });
    const { topicId } = proposed.body;
    const shown = await request('GET', `${topics}/${topicId}`, tokens.community_officer);
    expect(shown.body).toMatchObject({ status: 'AwaitingCoSigners', anonymous: true, proposerId: null });
    expect(JSON.stringify(shown.body)).not.toContain(residentId);
    const own = await coSign(topicId, tokens.resident);
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ code: 'TOPIC.OWN_TOPIC' });
    expect((await coSign(topicId, neighbour)).body).toMatchObject({ coSigners: 1, status: 'Proposed' });
  });

  it('refuses a second signature while the topic still waits', async () => {
    const twoNeeded = await startTwoCoSignerApp();
    try {
      const resident = await twoNeeded.tokenAs({ subject: 'resident-a', roles: ['resident'], scope: hexie, verification: 'verified' });
      const other = await twoNeeded.tokenAs({ subject: 'resident-b', roles: ['resident'], scope: hexie, verification: 'verified' });
      const proposed = await twoNeeded.request('POST', topics, {
        token: resident,
        body: { title: '加装电梯', description: '老人上下楼难' },
      });
      const { topicId } = proposed.body;
      expect((await twoNeeded.request('POST', `${topics}/${topicId}/co-signatures`, { token: other })).body).toMatchObject({
        coSigners: 1,
        coSignersNeeded: 2,
        status: 'AwaitingCoSigners',
      });
      const again = await twoNeeded.request('POST', `${topics}/${topicId}/co-signatures`, { token: other });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'TOPIC.ALREADY_CO_SIGNED' });
    } finally {
      await twoNeeded.close();
    }
  });

  it('sends a topic straight to screening once the proposer reaches the level that unlocks proposing alone', async () => {
    const topicId = await propose(tokens.resident!, '垃圾分类');
    expect((await coSign(topicId, neighbour)).status).toBe(200);
    expect((await screen(topicId)).status).toBe(200);
    const officer = tokens.community_officer!;
    expect((await request('POST', `${topics}/${topicId}/consultation`, officer, { draftPlan: '每月清理' })).status).toBe(200);
    expect((await request('POST', `${topics}/${topicId}/discussion`, officer, { meetingAt: '2026-12-05T10:00:00+08:00' })).status).toBe(
      200,
    );
    expect((await request('POST', `${topics}/${topicId}/attendance`, officer, { residentIds: [residentId] })).status).toBeLessThan(300);
    await eventuallyPasses(async () => {
      const mine = await request('GET', '/api/deliberation/residents/me/privileges', tokens.resident);
      expect(mine.body).toMatchObject({ privileges: ['propose-without-co-signer'] });
    });

    const alone = await propose(tokens.resident!, '健身角');
    expect((await request('GET', `${topics}/${alone}`, tokens.resident)).body).toMatchObject({ status: 'Proposed', coSignersNeeded: 0 });
    expect((await screen(alone)).status).toBe(200);
  });

  function startTwoCoSignerApp(): Promise<TestApp> {
    return startTestApp([deliberationService], { env: { GONGZHI_TOPIC_COSIGNERS: '2' } });
  }
});
