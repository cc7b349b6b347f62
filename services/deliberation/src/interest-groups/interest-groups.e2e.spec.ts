import { randomUUID } from 'node:crypto';
import { ManualClock } from '@gongzhi/eventsourcing';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService } from '../index';
import { interestGroupsResponse } from '../queries/interest-groups/interest-groups.http.controller';
import { recommendationsResponse } from '../recommendations/recommendations.http.controller';

const START = new Date('2026-11-26T01:00:00.000Z');
const GROUPS = '/api/deliberation/interest-groups';
const TOPICS = '/api/deliberation/topics';

/** 兴趣社团 over HTTP: residents join and leave themselves; a group's topic and vote are its members' alone; members are told why. */
describe('interest groups', () => {
  let app: TestApp;
  // Tokens expire as the clock moves: each request takes a freshly signed token.
  const HEXIE = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
  const officer = () => app.tokenAs({ subject: 'demo-officer', roles: ['community_officer'], scope: HEXIE, verification: 'verified' });
  const otherOfficer = () =>
    app.tokenAs({
      subject: 'officer-far',
      roles: ['community_officer'],
      scope: { communityId: 'community-other' },
      verification: 'verified',
    });
  const farResident = () =>
    app.tokenAs({
      subject: `far-${randomUUID().slice(0, 8)}`,
      roles: ['resident'],
      scope: { communityId: 'community-other', gridId: 'grid-other-01' },
      verification: 'verified',
    });

  /** A resident of grid 01 of 和谐社区 the community office verified (or not): their id and token. */
  async function resident(verified = true): Promise<{ id: string; token: () => Promise<string> }> {
    const username = `res-${randomUUID().slice(0, 8)}`;
    const registered = await app.request('POST', '/api/auth/register', {
      body: { username, password: 'a-long-enough-password', displayName: '居民', communityId: 'community-hexie', gridId: 'grid-hexie-01' },
    });
    if (verified) await app.request('POST', `/api/auth/accounts/${registered.body.id}/verify`, { token: await officer() });
    const id: string = registered.body.id;
    return {
      id,
      token: () =>
        app.tokenAs({
          subject: id,
          roles: ['resident'],
          scope: { ...HEXIE, gridId: 'grid-hexie-01' },
          verification: verified ? 'verified' : 'unverified',
        }),
    };
  }

  const createGroup = async (name: string, token: string, communityId?: string) =>
    app.request('POST', GROUPS, { token, body: { name, description: '每天早上七点，中心花园', communityId } });
  const join = async (groupId: string, who: { token: () => Promise<string> }, body: unknown = {}) =>
    app.request('PUT', `${GROUPS}/${groupId}/membership`, { token: await who.token(), body });
  const leave = async (groupId: string, who: { token: () => Promise<string> }) =>
    app.request('DELETE', `${GROUPS}/${groupId}/membership`, { token: await who.token() });
  const listed = async (who: { token: () => Promise<string> }) =>
    interestGroupsResponse.parse((await app.request('GET', GROUPS, { token: await who.token() })).body).items as {
      groupId: string;
      joined: boolean;
      memberCount: number;
    }[];

  beforeAll(async () => {
    app = await startTestApp([deliberationService], { clock: new ManualClock(START) });
  });
  afterAll(() => app?.close());

  it('is created by an officer of the community or founded by a verified resident; refused to another community and to an unverified account', async () => {
    expect((await createGroup('太极拳社', await officer())).status).toBe(201);
    // An officer of another community files a group under 和谐社区: refused, nothing stored.
    expect(await createGroup('太极拳社', await otherOfficer(), 'community-hexie')).toMatchObject({
      status: 403,
      body: { code: 'GROUP.FORBIDDEN' },
    });
    const fresh = await resident(false);
    expect(await createGroup('广场舞队', await fresh.token())).toMatchObject({
      status: 403,
      body: { code: 'GROUP.RESIDENT_NOT_VERIFIED' },
    });
    const bad = await createGroup('', await officer());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('name');

    const founder = await resident();
    const founded = await createGroup('读书会', await founder.token());
    expect(founded.status).toBe(201);
    await eventuallyPasses(async () =>
      expect((await listed(founder)).find((g) => g.groupId === founded.body.groupId)).toMatchObject({ joined: true, memberCount: 1 }),
    );
  });

  it('lets a verified resident join and leave themselves only; a stranger, an unverified account and a made-up group are refused', async () => {
    const groupId: string = (await createGroup('象棋社', await officer())).body.groupId;
    const [wang, li] = [await resident(), await resident()];

    expect(await join(groupId, wang)).toMatchObject({ status: 200, body: { member: true, joined: true } });
    expect(await join(groupId, wang)).toMatchObject({ status: 200, body: { joined: false } });
    // Naming someone else is refused outright: nobody signs up a neighbour, not even with their own token.
    const forOther = await join(groupId, wang, { residentId: li.id });
    expect(forOther.status).toBe(400);
    expect(JSON.stringify(forOther.body)).toContain('residentId');
    expect(await join(groupId, { token: farResident })).toMatchObject({ status: 403, body: { code: 'GROUP.FORBIDDEN' } });
    expect(await join(groupId, await resident(false))).toMatchObject({ status: 403, body: { code: 'GROUP.RESIDENT_NOT_VERIFIED' } });
    expect(await join(groupId, { token: officer })).toMatchObject({ status: 403 });
    expect(await join('made-up-group', li)).toMatchObject({ status: 404, body: { code: 'GROUP.NOT_FOUND' } });

    await eventuallyPasses(async () => {
      expect((await listed(wang)).find((g) => g.groupId === groupId)).toMatchObject({ joined: true, memberCount: 1 });
      expect((await listed(li)).find((g) => g.groupId === groupId)).toMatchObject({ joined: false, memberCount: 1 });
    });
    const mine = await app.request('GET', '/api/deliberation/me/interest-groups', { token: await wang.token() });
    expect(interestGroupsResponse.parse(mine.body).items.map((g) => g.name)).toEqual(['象棋社']);

    // Leaving is one's own too: li leaving changes nothing for wang.
    expect(await leave(groupId, li)).toMatchObject({ status: 200, body: { left: false } });
    expect(await leave(groupId, wang)).toMatchObject({ status: 200, body: { left: true } });
    await eventuallyPasses(async () =>
      expect((await listed(wang)).find((g) => g.groupId === groupId)).toMatchObject({ joined: false, memberCount: 0 }),
    );
    // A group's members are nobody else's business: another community does not even see the group.
    expect(
      (await app.request('GET', GROUPS, { token: await farResident() })).body.items.some((g: { groupId: string }) => g.groupId === groupId),
    ).toBe(false);
  });

  it("keeps a group's topic and vote to its members, freezes the roll when voting opens, and recommends it to members with the reason", async () => {
    const groupId: string = (await createGroup('太极拳社', await officer())).body.groupId;
    const [zhang, zhao, outsider, lateJoiner] = [await resident(), await resident(), await resident(), await resident()];
    await join(groupId, zhang);
    await join(groupId, zhao);
    const body = { title: '晨练时间调整', description: '冬天改到七点半开始', groupId };

    expect(await app.request('POST', TOPICS, { token: await outsider.token(), body })).toMatchObject({
      status: 403,
      body: { code: 'GROUP.NOT_MEMBER' },
    });
    const both = await app.request('POST', TOPICS, { token: await zhang.token(), body: { ...body, buildingId: 'b-1' } });
    expect(both.status).toBe(400);
    const proposed = await app.request('POST', TOPICS, { token: await zhang.token(), body });
    expect(proposed.status).toBe(201);
    const topic = `${TOPICS}/${proposed.body.topicId}`;
    for (const [path, stage] of [
      ['/screening', { outcome: 'accepted' }],
      ['/consultation', { draftPlan: null }],
      ['/discussion', { meetingAt: null }],
    ] as const) {
      expect((await app.request('POST', `${topic}${path}`, { token: await officer(), body: stage })).status).toBe(200);
    }
    const comment = { text: '七点半太晚了' };
    expect(await app.request('POST', `${topic}/comments`, { token: await outsider.token(), body: comment })).toMatchObject({
      status: 403,
      body: { code: 'GROUP.NOT_MEMBER' },
    });
    expect((await app.request('POST', `${topic}/comments`, { token: await zhao.token(), body: comment })).status).toBe(201);

    // Members are told why; a resident who has not joined is not offered a door that would not open.
    const recommended = async (who: { token: () => Promise<string> }) =>
      recommendationsResponse.parse((await app.request('GET', '/api/deliberation/me/recommendations', { token: await who.token() })).body)
        .items as {
        id: string;
        reasons: { code: string; zh: string; en: string }[];
      }[];
    await eventuallyPasses(async () =>
      expect((await recommended(zhao)).find((r) => r.id === proposed.body.topicId)?.reasons[0]).toEqual({
        code: 'group',
        zh: '因为您加入了太极拳社',
        en: 'Because you joined 太极拳社',
      }),
    );
    expect((await recommended(outsider)).some((r) => r.id === proposed.body.topicId)).toBe(false);

    const voting = async (eligibility: Record<string, unknown>) =>
      app.request('POST', `${topic}/voting`, {
        token: await officer(),
        body: {
          closesAt: new Date(app.clock.now().getTime() + 3 * 864e5).toISOString(),
          options: { kind: 'yes_no_abstain' },
          eligibility,
          quorumPercent: 50,
          passThresholdPercent: 50,
        },
      });
    expect((await voting({ scope: 'community', scopeId: 'community-hexie' })).body).toMatchObject({ code: 'VOTING.GROUP_TOPIC' });
    expect((await voting({ scope: 'group', scopeId: groupId, roster: [outsider.id] })).body).toMatchObject({
      code: 'VOTING.ROSTER_NOT_TYPED',
    });
    expect(await voting({ scope: 'group', scopeId: groupId })).toMatchObject({ status: 200, body: { eligibleVoters: 2 } });

    // Joining after voting opened gets no ballot; leaving after it keeps the one the roll gave.
    expect((await join(groupId, lateJoiner)).status).toBe(200);
    await leave(groupId, zhao);
    const ballot = async (voter: { token: () => Promise<string> }) =>
      app.request('PUT', `${topic}/ballot`, { token: await voter.token(), body: { optionId: 'yes' } });
    expect(await ballot(outsider)).toMatchObject({ status: 403, body: { code: 'BALLOT.NOT_ELIGIBLE' } });
    expect(await ballot(lateJoiner)).toMatchObject({ status: 403, body: { code: 'BALLOT.NOT_ELIGIBLE' } });
    expect((await ballot(zhao)).status).toBe(200);
    // The secret holds as for every vote: the voter is told only THAT they voted.
    expect((await app.request('GET', `${topic}/ballot`, { token: await zhao.token() })).body).toEqual({ voted: true, assisted: false });
    // Nothing zhao's acts stored (joined, left, commented, voted) says how they voted.
    const store = app.platform.infrastructure.get('deliberation')!.eventStore;
    const acts = (await store.readAll()).filter((e) => e.actor?.id === zhao.id);
    expect(acts.map((e) => e.type)).toEqual(expect.arrayContaining(['InterestGroupJoined', 'InterestGroupLeft', 'BallotCast']));
    expect(acts.filter((e) => JSON.stringify(e.data).includes('"yes"'))).toEqual([]);
  });

  it('refuses a group vote on an ordinary topic: a community matter is never handed to a club', async () => {
    const groupId: string = (await createGroup('合唱团', await officer())).body.groupId;
    const member = await resident();
    await join(groupId, member);
    const proposed = await app.request('POST', TOPICS, {
      token: await member.token(),
      body: { title: '增设快递柜', description: '小区北门' },
    });
    const topic = `${TOPICS}/${proposed.body.topicId}`;
    for (const [path, stage] of [
      ['/screening', { outcome: 'accepted' }],
      ['/consultation', { draftPlan: null }],
      ['/discussion', { meetingAt: null }],
    ] as const) {
      await app.request('POST', `${topic}${path}`, { token: await officer(), body: stage });
    }
    const opened = await app.request('POST', `${topic}/voting`, {
      token: await officer(),
      body: {
        closesAt: new Date(app.clock.now().getTime() + 3 * 864e5).toISOString(),
        options: { kind: 'yes_no_abstain' },
        eligibility: { scope: 'group', scopeId: groupId },
        quorumPercent: 50,
        passThresholdPercent: 50,
      },
    });
    expect(opened).toMatchObject({ status: 422, body: { code: 'VOTING.GROUP_TOPIC' } });
  });
});
