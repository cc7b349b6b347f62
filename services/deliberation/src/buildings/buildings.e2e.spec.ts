import { randomUUID } from 'node:crypto';
import { ManualClock } from '@gongzhi/eventsourcing';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService } from '../index';
import { buildingResponse } from '../queries/get-building/get-building.http.controller';
import { ownersVoteResponse } from '../queries/get-owners-vote/get-owners-vote.http.controller';

const START = new Date('2026-11-26T01:00:00.000Z');
const CLOSES_AT = new Date(START.getTime() + 3 * 864e5).toISOString();
const BUILDINGS = '/api/deliberation/buildings';
const OWNERS_VOTES = '/api/deliberation/owners-votes';

/** 楼栋自治 and 全体业主投票 over HTTP: each right role acts, and each wrong one is refused before anything is written. */
describe('buildings that govern themselves', () => {
  let app: TestApp;
  // Tokens expire as the clock moves, and logins are rate-limited: each request takes a freshly signed token.
  const HEXIE = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
  const worker = () =>
    app.tokenAs({ subject: 'demo-worker', roles: ['grid_worker'], scope: { ...HEXIE, gridId: 'grid-hexie-01' }, verification: 'verified' });
  const officer = () => app.tokenAs({ subject: 'demo-officer', roles: ['community_officer'], scope: HEXIE, verification: 'verified' });

  /** A verified resident of grid 01 of 和谐社区: their id and token. */
  async function resident(): Promise<{ id: string; token: () => Promise<string> }> {
    const username = `res-${randomUUID().slice(0, 8)}`;
    const registered = await app.request('POST', '/api/auth/register', {
      body: { username, password: 'a-long-enough-password', displayName: '居民', communityId: 'community-hexie', gridId: 'grid-hexie-01' },
    });
    await app.request('POST', `/api/auth/accounts/${registered.body.id}/verify`, { token: await officer() });
    const id: string = registered.body.id;
    return {
      id,
      token: () =>
        app.tokenAs({ subject: id, roles: ['resident'], scope: { ...HEXIE, gridId: 'grid-hexie-01' }, verification: 'verified' }),
    };
  }

  async function building(name: string): Promise<string> {
    const created = await app.request('POST', BUILDINGS, {
      token: await worker(),
      body: { gridId: 'grid-hexie-01', name, units: ['1单元', '2单元'] },
    });
    expect(created.status).toBe(201);
    return created.body.buildingId;
  }

  async function home(buildingId: string, number: string, floorAreaSquareMetres: number, ownerIds: string[]): Promise<string> {
    const recorded = await app.request('POST', `${BUILDINGS}/${buildingId}/homes`, {
      token: await worker(),
      body: { unit: '1单元', number, floorAreaSquareMetres, ownerIds },
    });
    expect(recorded.status).toBe(201);
    return recorded.body.homeId;
  }

  async function livesIn(buildingId: string, homeId: string, residentId: string): Promise<void> {
    const recorded = await app.request('POST', `${BUILDINGS}/${buildingId}/residents`, {
      token: await worker(),
      body: { residentId, homeId },
    });
    expect(recorded.status).toBe(200);
  }

  beforeAll(async () => {
    app = await startTestApp([deliberationService], { clock: new ManualClock(START) });
  });
  afterAll(() => app?.close());

  it('lets staff of the grid register buildings and homes, and refuses a resident or a worker of another grid', async () => {
    const body = { gridId: 'grid-hexie-01', name: '9号楼', units: ['1单元'] };
    expect((await app.request('POST', BUILDINGS, { token: await app.tokenFor('resident'), body })).status).toBe(403);
    const elsewhere = await app.tokenAs({
      subject: 'worker-of-02',
      roles: ['grid_worker'],
      scope: { ...HEXIE, gridId: 'grid-hexie-02' },
      verification: 'verified',
    });
    expect(await app.request('POST', BUILDINGS, { token: elsewhere, body })).toMatchObject({
      status: 403,
      body: { code: 'BUILDING.FORBIDDEN' },
    });
    const bad = await app.request('POST', `${BUILDINGS}/${await building('8号楼')}/homes`, {
      token: await worker(),
      body: { unit: '1单元', number: '101', floorAreaSquareMetres: 89.123, ownerIds: ['someone'] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('floorAreaSquareMetres');
  });

  it("elects the building head by secret ballot of the building's residents; a resident of another building is refused", async () => {
    const [wang, li, zhao, neighbour] = [await resident(), await resident(), await resident(), await resident()];
    const b3 = await building('3号楼');
    const b5 = await building('5号楼');
    const h101 = await home(b3, '101', 89.52, [wang.id]);
    const h102 = await home(b3, '102', 75, [li.id]);
    await livesIn(b3, h101, wang.id);
    await livesIn(b3, h102, li.id);
    await livesIn(b3, h102, zhao.id);
    await livesIn(b5, await home(b5, '101', 60, [neighbour.id]), neighbour.id);

    const candidates = [
      { residentId: wang.id, displayName: '王阿姨' },
      { residentId: li.id, displayName: '李师傅' },
    ];
    expect(
      await app.request('POST', `${BUILDINGS}/${b3}/head-elections`, {
        token: await worker(),
        body: { candidates: [{ residentId: neighbour.id, displayName: '邻楼' }], closesAt: CLOSES_AT },
      }),
    ).toMatchObject({ status: 422, body: { code: 'BUILDING.CANDIDATE_NOT_RESIDENT' } });
    const opened = await app.request('POST', `${BUILDINGS}/${b3}/head-elections`, {
      token: await worker(),
      body: { candidates, closesAt: CLOSES_AT },
    });
    expect(opened).toMatchObject({ status: 201, body: { eligibleVoters: 3 } });
    const ballot = async (voter: { token: () => Promise<string> }, candidateId: string) =>
      app.request('PUT', `${BUILDINGS}/${b3}/head-elections/${opened.body.electionId}/ballot`, {
        token: await voter.token(),
        body: { candidateId },
      });

    expect(await ballot(neighbour, wang.id)).toMatchObject({ status: 403, body: { code: 'BALLOT.NOT_ELIGIBLE' } });
    expect(await ballot(wang, 'made-up-candidate')).toMatchObject({ status: 422, body: { code: 'BALLOT.UNKNOWN_OPTION' } });
    expect((await ballot(wang, wang.id)).body).toMatchObject({ firstBallot: true });
    expect((await ballot(li, wang.id)).status).toBe(200);
    expect((await ballot(zhao, li.id)).status).toBe(200);
    expect((await ballot(zhao, wang.id)).body).toMatchObject({ firstBallot: false });

    const seen = await app.request('GET', `${BUILDINGS}/${b3}`, { token: await zhao.token() });
    expect(buildingResponse.parse(seen.body)).toMatchObject({
      name: '3号楼',
      homes: 2,
      myHomeId: h102,
      head: null,
      election: { status: 'Open', mayVote: true, iVoted: true },
    });
    expect(
      (await app.request('POST', `${BUILDINGS}/${b3}/head-elections/${opened.body.electionId}/close`, { token: await worker() })).body,
    ).toMatchObject({
      code: 'VOTING.NOT_DUE',
    });

    app.clock.advance({ days: 3 });
    expect((await ballot(li, li.id)).body).toMatchObject({ code: 'VOTING.CLOSED' });
    expect(
      (await app.request('POST', `${BUILDINGS}/${b3}/head-elections/${opened.body.electionId}/close`, { token: await worker() })).status,
    ).toBe(200);
    const after = await app.request('GET', `${BUILDINGS}/${b3}`, { token: await wang.token() });
    expect(buildingResponse.parse(after.body)).toMatchObject({
      head: { residentId: wang.id, displayName: '王阿姨' },
      election: {
        status: 'Closed',
        result: {
          tally: [
            { residentId: wang.id, votes: 3 },
            { residentId: li.id, votes: 0 },
          ],
          ballotsCast: 3,
          eligibleVoters: 3,
          quorumMet: true,
        },
      },
    });
    // Nothing public says who chose whom: the events name voters, never their candidate.
    const published = await app.platform.infrastructure.get('deliberation')!.eventStore.readAll({ limit: 10_000 });
    const casts = published.filter((e) => e.type === 'BuildingHeadBallotCast');
    expect(casts).toHaveLength(3);
    expect(casts.map((e) => Object.keys(e.data as object).sort())).toEqual(
      Array(3).fill(['ballotId', 'buildingId', 'electionId', 'voterId']),
    );
  });

  it("counts an owners' vote by home and by floor area, one ballot per home, owners only", async () => {
    const [a1, a2, b, c, tenant] = [await resident(), await resident(), await resident(), await resident(), await resident()];
    const b7 = await building('7号楼');
    const shared = await home(b7, '101', 60.01, [a1.id, a2.id]);
    const small = await home(b7, '102', 60.01, [b.id]);
    const large = await home(b7, '201', 150.33, [c.id]);
    await livesIn(b7, small, tenant.id);

    const open = (token: string, communityId = 'community-hexie') =>
      app.request('POST', OWNERS_VOTES, {
        token,
        body: {
          communityId,
          buildingIds: [b7],
          question: '选聘新的物业公司',
          options: [
            { optionId: 'company-a', label: '甲物业' },
            { optionId: 'company-b', label: '乙物业' },
          ],
          rule: 'floor_area',
          closesAt: new Date(app.clock.now().getTime() + 7 * 864e5).toISOString(),
        },
      });
    expect((await open(await a1.token())).status).toBe(403);
    const opened = await open(await officer());
    expect(opened).toMatchObject({ status: 201, body: { homesOnRoll: 3, areaOnRollSquareMetres: 270.35 } });
    const voteId: string = opened.body.voteId;
    const cast = async (voter: { token: () => Promise<string> }, homeId: string, optionId: string) =>
      app.request('PUT', `${OWNERS_VOTES}/${voteId}/homes/${homeId}/ballot`, { token: await voter.token(), body: { optionId } });

    expect(await cast(tenant, small, 'company-b')).toMatchObject({ status: 403, body: { code: 'BALLOT.NOT_ELIGIBLE' } });
    expect(await cast(b, large, 'company-b')).toMatchObject({ status: 403, body: { code: 'BALLOT.NOT_ELIGIBLE' } });
    expect((await cast(a1, shared, 'company-a')).status).toBe(200);
    expect(await cast(a2, shared, 'company-b')).toMatchObject({ status: 409, body: { code: 'OWNERS_VOTE.HOME_ALREADY_VOTED' } });
    expect((await cast(b, small, 'company-a')).status).toBe(200);
    expect((await cast(c, large, 'company-b')).status).toBe(200);

    app.clock.advance({ days: 7 });
    expect((await app.request('POST', `${OWNERS_VOTES}/${voteId}/close`, { token: await officer() })).status).toBe(200);
    const result = await app.request('GET', `${OWNERS_VOTES}/${voteId}`, { token: await a2.token() });
    expect(ownersVoteResponse.parse(result.body)).toMatchObject({
      rule: 'floor_area',
      myHomes: [{ homeId: shared, address: '7号楼 1单元 101', areaSquareMetres: 60.01, voted: true }],
      result: {
        tally: [
          { optionId: 'company-a', homes: 2, areaSquareMetres: 120.02, homeSharePercent: 66.67, areaSharePercent: 44.39 },
          { optionId: 'company-b', homes: 1, areaSquareMetres: 150.33, homeSharePercent: 33.33, areaSharePercent: 55.61 },
        ],
        homesVoted: 3,
        areaVotedSquareMetres: 270.35,
        quorumMet: true,
        winningOptionId: 'company-b',
        passed: true,
      },
    });
    // The second owner's refused ballot is not in the box: three homes, three ballots.
    expect(result.body.result.homesVoted).toBe(3);
  });

  it("keeps a building's small matters in the building: only its residents propose, discuss and vote", async () => {
    const [inside, alsoInside, outside] = [await resident(), await resident(), await resident()];
    const b2 = await building('2号楼');
    const b4 = await building('4号楼');
    const door = await home(b2, '301', 70, [inside.id]);
    await livesIn(b2, door, inside.id);
    await livesIn(b2, door, alsoInside.id);
    await livesIn(b4, await home(b4, '301', 70, [outside.id]), outside.id);
    const body = { title: '楼道堆物清理', description: '三楼楼道堆满杂物，商量周末一起清理', buildingId: b2 };

    expect(await app.request('POST', '/api/deliberation/topics', { token: await outside.token(), body })).toMatchObject({
      status: 403,
      body: { code: 'TOPIC.FORBIDDEN' },
    });
    const proposed = await app.request('POST', '/api/deliberation/topics', { token: await inside.token(), body });
    expect(proposed.status).toBe(201);
    const topic = `/api/deliberation/topics/${proposed.body.topicId}`;
    for (const [path, stage] of [
      ['/screening', { outcome: 'accepted' }],
      ['/consultation', { draftPlan: null }],
      ['/discussion', { meetingAt: null }],
    ] as const) {
      expect((await app.request('POST', `${topic}${path}`, { token: await officer(), body: stage })).status).toBe(200);
    }
    const comment = { text: '我周六上午有空' };
    expect((await app.request('POST', `${topic}/comments`, { token: await outside.token(), body: comment })).body).toMatchObject({
      code: 'TOPIC.FORBIDDEN',
    });
    expect((await app.request('POST', `${topic}/comments`, { token: await alsoInside.token(), body: comment })).status).toBe(201);

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
    expect((await voting({ scope: 'community', scopeId: 'community-hexie' })).body).toMatchObject({ code: 'VOTING.BUILDING_TOPIC' });
    expect((await voting({ scope: 'building', scopeId: b2, roster: [outside.id] })).body).toMatchObject({
      code: 'VOTING.ROSTER_NOT_TYPED',
    });
    expect(await voting({ scope: 'building', scopeId: b2 })).toMatchObject({ status: 200, body: { eligibleVoters: 2 } });
    const ballot = async (voter: { token: () => Promise<string> }) =>
      app.request('PUT', `${topic}/ballot`, { token: await voter.token(), body: { optionId: 'yes' } });
    expect(await ballot(outside)).toMatchObject({ status: 403, body: { code: 'BALLOT.NOT_ELIGIBLE' } });
    expect((await ballot(alsoInside)).status).toBe(200);
  });
});
