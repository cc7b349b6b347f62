import type { DataSource } from 'typeorm';
import { VOTING_SCHEDULER } from '@gongzhi/deliberation';
import { Account, DEMO_ACCOUNTS, IDENTITY_DATA_SOURCE, seedDemoAccounts, type DemoAccount, type Role } from '@gongzhi/identity';
import type { DurableScheduler } from '@gongzhi/runtime';
import { eventuallyPasses as eventually, startTestApp, type TestApp, TINY_PNG } from '@gongzhi/testing';
import { SERVICES } from './services';

// Issue 15, "The roll decides quorum" and "Assisted ballots cannot stuff the box", played by the officer who
// would type a smaller electorate and the worker who would record ballots nobody cast. grid-events (the slip
// photos), deliberation and the dashboards (which read every service's topic) on the running modules, over HTTP.

const API = '/api/deliberation';
const PASSWORD = 'roll-test-password-2026';
const hexie = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };

const resident = (username: string, gridId: string, communityId = 'community-hexie'): DemoAccount => ({
  username,
  password: PASSWORD,
  displayName: username,
  role: 'resident',
  scope: { ...hexie, communityId, gridId },
});

/** With the demo resident, ten verified residents of community-hexie: six in grid 01, four in grid 02. */
const NEIGHBOURS = [
  ...Array.from({ length: 5 }, (_, n) => resident(`roll-neighbour-0${n + 1}`, 'grid-hexie-01')),
  ...Array.from({ length: 4 }, (_, n) => resident(`roll-neighbour-0${n + 6}`, 'grid-hexie-02')),
];
const UNVERIFIED = resident('roll-unverified', 'grid-hexie-01');
const LATECOMER = resident('roll-latecomer', 'grid-hexie-01');
const OUTSIDER = resident('roll-outsider', 'grid-xingfu-01', 'community-xingfu');
const OTHER_WORKER: DemoAccount = { username: 'roll-worker-2', password: PASSWORD, displayName: '第二网格员', role: 'grid_worker', scope: { ...hexie, gridId: 'grid-hexie-01' } };

describe('the roll decides quorum, and assisted ballots cannot stuff the box', () => {
  let app: TestApp;
  let identity: DataSource;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp(SERVICES);
    identity = app.app.get<DataSource>(IDENTITY_DATA_SOURCE, { strict: false });
    const accounts = identity.getRepository(Account);
    await seedDemoAccounts(accounts, [...NEIGHBOURS, UNVERIFIED, LATECOMER, OUTSIDER, OTHER_WORKER], { now: app.clock.now() });
    // Registered but never verified by an officer (the latecomer is verified only once voting is open).
    await accounts.update({ username: UNVERIFIED.username }, { verification: 'unverified', verifiedAt: null, verifiedBy: null });
    await accounts.update({ username: LATECOMER.username }, { verification: 'unverified', verifiedAt: null, verifiedBy: null });
    for (const account of await accounts.find()) ids.set(account.username, account.id);
  });
  afterAll(() => app?.close());

  /** One login per account until the clock moves (logins are throttled; access tokens last 15 minutes of the test's clock). */
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (who: Role | DemoAccount) => {
    const account = typeof who === 'string' ? DEMO_ACCOUNTS.find((a) => a.role === who)! : who;
    if (!tokens.has(account.username)) tokens.set(account.username, app.login(account.username, account.password));
    return tokens.get(account.username)!;
  };
  const advanceDays = (days: number) => {
    app.clock.advance({ days });
    tokens.clear();
  };
  /** The token says whether its holder is verified: after a change in the register, they sign in again. */
  const setVerification = async (account: DemoAccount, verification: 'verified' | 'unverified') => {
    await identity.getRepository(Account).update({ username: account.username }, { verification });
    tokens.delete(account.username);
  };
  const idOf = (who: Role | DemoAccount) => ids.get(typeof who === 'string' ? DEMO_ACCOUNTS.find((a) => a.role === who)!.username : who.username)!;
  const post = async (path: string, who: Role | DemoAccount, body: unknown = {}) => app.request('POST', path, { token: await tokenOf(who), body });
  const put = async (path: string, who: Role | DemoAccount, body: unknown) => app.request('PUT', path, { token: await tokenOf(who), body });
  const store = () => app.platform.infrastructure.get('deliberation')!.eventStore;
  const closeDueVotes = () => app.app.get<DurableScheduler>(VOTING_SCHEDULER, { strict: false }).fireDue();
  const closesIn3Days = () => new Date(app.clock.now().getTime() + 3 * 864e5).toISOString();

  async function topicInDiscussion(): Promise<string> {
    const proposed = await post(`${API}/topics`, 'resident', { title: '楼道加装扶手', description: '老人上下楼不便' });
    const { topicId } = proposed.body;
    for (const [step, body] of [['screening', { outcome: 'accepted' }], ['consultation', {}], ['discussion', {}]] as const) {
      expect((await post(`${API}/topics/${topicId}/${step}`, 'community_officer', body)).status).toBe(200);
    }
    return topicId;
  }
  const communityVote = { options: { kind: 'yes_no_abstain' }, eligibility: { scope: 'community', scopeId: 'community-hexie' }, quorumPercent: 50, passThresholdPercent: 50 };

  async function uploadPhoto(who: Role | DemoAccount, { untilKnown = true } = {}): Promise<string> {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(TINY_PNG)]), 'slip.png');
    const response = await fetch(`${app.url}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${await tokenOf(who)}` }, body: form });
    expect(response.status).toBe(201);
    const { photoId } = (await response.json()) as { photoId: string };
    if (!untilKnown) return photoId;
    // The slip becomes evidence once deliberation has read grid-events' StaffPhotoUploaded.
    const photos = app.platform.infrastructure.get('deliberation')!.dataSource;
    await eventually(async () => expect(await photos.query('SELECT photo_id FROM deliberation_staff_photos WHERE photo_id = ?', [photoId])).toHaveLength(1));
    return photoId;
  }

  it('counts a council vote against the ten verified residents on the roll, whatever the officer types: 3 of 10 miss a 50% quorum', async () => {
    const topicId = await topicInDiscussion();
    const before = await store().headPosition();
    const typed = await post(`${API}/topics/${topicId}/voting`, 'community_officer', { ...communityVote, closesAt: closesIn3Days(), eligibleVoters: 3 });
    expect([typed.status, typed.body.errors[0].path]).toEqual([400, 'eligibleVoters']);
    expect(typed.body.errors[0].message).toMatch(/roll/);
    expect(await store().headPosition()).toBe(before);

    const opened = await post(`${API}/topics/${topicId}/voting`, 'community_officer', { ...communityVote, closesAt: closesIn3Days() });
    expect([opened.status, opened.body]).toEqual([200, { topicId, eligibleVoters: 10 }]);
    const roll = (await store().readStream(`topic-${topicId}`)).events.find((e) => e.type === 'VotingRollRecorded')!;
    expect(roll.data).toMatchObject({ scope: 'community', scopeId: 'community-hexie', size: 10 });
    expect((roll.data as { residentIds: string[] }).residentIds).toEqual(expect.arrayContaining([idOf('resident'), ...NEIGHBOURS.map(idOf)]));
    expect((roll.data as { residentIds: string[] }).residentIds).not.toContain(idOf(UNVERIFIED));

    for (const voter of ['resident', NEIGHBOURS[0], NEIGHBOURS[5]] as const) {
      expect((await put(`${API}/topics/${topicId}/ballot`, voter, { optionId: 'yes' })).status).toBe(200);
    }
    advanceDays(3);
    await closeDueVotes();
    const closed = await app.request('GET', `${API}/topics/${topicId}`, { token: await tokenOf('resident') });
    expect(closed.body.result).toMatchObject({ ballotsCast: 3, eligibleVoters: 10, turnoutPercent: 30, quorumMet: false, passed: false });
    // The officer may not adopt what the roll did not carry.
    const adopt = await post(`${API}/topics/${topicId}/decision`, 'community_officer', { result: 'adopted', reasons: '三人同意' });
    expect([adopt.status, adopt.body.code]).toEqual([422, 'TOPIC.VOTE_NOT_PASSED']);
    // The dashboards' turnout follows the roll.
    await eventually(async () => {
      const { body } = await app.request('GET', '/api/dashboards/deliberation/topics?communityId=community-hexie&limit=200');
      expect(body.items.find((t: { topicId: string }) => t.topicId === topicId)).toMatchObject({ eligibleVoters: 10, turnoutPercent: 30 });
    });
  });

  it('keeps off the roll a resident of another community, an unverified one, and one verified after voting opened', async () => {
    const topicId = await topicInDiscussion();
    expect((await post(`${API}/topics/${topicId}/voting`, 'community_officer', { ...communityVote, closesAt: closesIn3Days() })).status).toBe(200);
    await setVerification(LATECOMER, 'verified');
    const before = await store().headPosition();
    for (const stranger of [OUTSIDER, UNVERIFIED, LATECOMER]) {
      const ballot = await put(`${API}/topics/${topicId}/ballot`, stranger, { optionId: 'yes' });
      expect([stranger.username, ballot.status, ballot.body.code]).toEqual([stranger.username, 403, 'BALLOT.NOT_ELIGIBLE']);
    }
    expect(await store().headPosition()).toBe(before);
    await setVerification(LATECOMER, 'unverified');
  });

  it('draws a micro-budget vote from the roll too: no typed electorate, nobody off the roll votes', async () => {
    const year = 2031;
    const pool = `${API}/budgets/community-hexie/${year}`;
    expect((await post(`${API}/budgets`, 'community_officer', { communityId: 'community-hexie', year, baseAmountYuan: 100_000, amountYuan: 100_000 })).status).toBe(201);
    const need = await post(`${pool}/needs`, 'resident', { title: '路灯维修', description: '小区路灯不亮' });
    const matched = await post(`${pool}/needs/${need.body.needId}/match`, 'community_officer', { provider: '某物业服务公司', costYuan: 30_000 });
    const before = await store().headPosition();
    const typed = await post(`${pool}/voting`, 'community_officer', { closesAt: closesIn3Days(), eligibleVoters: 2 });
    expect([typed.status, typed.body.errors[0].path]).toEqual([400, 'eligibleVoters']);
    expect(await store().headPosition()).toBe(before);

    expect((await post(`${pool}/voting`, 'community_officer', { closesAt: closesIn3Days() })).status).toBe(200);
    const opened = (await store().readStream(`budget-community-hexie-${year}`)).events.find((e) => e.type === 'BudgetVotingOpened')!;
    expect(opened.data).toMatchObject({ eligibleVoters: 10 });
    expect((await put(`${pool}/ballot`, NEIGHBOURS[1], { projectIds: [matched.body.projectId] })).status).toBe(200);
    await setVerification(LATECOMER, 'verified');
    for (const stranger of [OUTSIDER, UNVERIFIED, LATECOMER]) {
      const ballot = await put(`${pool}/ballot`, stranger, { projectIds: [matched.body.projectId] });
      expect([stranger.username, ballot.status, ballot.body.code]).toEqual([stranger.username, 403, 'BALLOT.NOT_ELIGIBLE']);
    }
    await setVerification(LATECOMER, 'unverified');
  });

  it('records an assisted ballot only for a real verified resident on the roll, on a slip the worker uploaded; per worker on the dashboards, flagged when unusual', async () => {
    const topicId = await topicInDiscussion();
    expect((await post(`${API}/topics/${topicId}/voting`, 'community_officer', { ...communityVote, closesAt: closesIn3Days() })).status).toBe(200);
    const assist = (who: Role | DemoAccount, residentId: string, slipPhotoId: string) =>
      put(`${API}/topics/${topicId}/assisted-ballots`, who, { residentId, optionId: 'yes', consent: { method: 'signed_slip', slipPhotoId } });
    const mySlip = await uploadPhoto('grid_worker');
    const othersSlip = await uploadPhoto(OTHER_WORKER);
    const before = await store().headPosition();

    const madeUp = await assist('grid_worker', 'resident-who-does-not-exist', mySlip);
    expect([madeUp.status, madeUp.body.code]).toEqual([404, 'ASSISTED_RESIDENT.NOT_FOUND']);
    const unverified = await assist('grid_worker', idOf(UNVERIFIED), mySlip);
    expect([unverified.status, unverified.body.code]).toEqual([403, 'ASSISTED.RESIDENT_NOT_VERIFIED']);
    const noSuchPhoto = await assist('grid_worker', idOf(NEIGHBOURS[0]), '0192d4e0-7c1a-7000-8000-00000000dead');
    expect([noSuchPhoto.status, noSuchPhoto.body.code, noSuchPhoto.body.errors[0].path]).toEqual([422, 'ASSISTED.SLIP_PHOTO_UNKNOWN', 'consent.slipPhotoId']);
    const borrowed = await assist('grid_worker', idOf(NEIGHBOURS[0]), othersSlip);
    expect([borrowed.status, borrowed.body.code]).toEqual([403, 'ASSISTED.SLIP_PHOTO_NOT_YOURS']);
    // Verified after voting opened: real and verified now, but not on the roll.
    await setVerification(LATECOMER, 'verified');
    const offRoll = await assist('grid_worker', idOf(LATECOMER), mySlip);
    expect([offRoll.status, offRoll.body.code]).toEqual([403, 'BALLOT.NOT_ELIGIBLE']);
    await setVerification(LATECOMER, 'unverified');
    expect(await store().headPosition()).toBe(before);

    // One slip per resident: the worker's first slip serves one neighbour, never a second.
    expect((await assist('grid_worker', idOf(NEIGHBOURS[0]), mySlip)).status).toBe(200);
    const reused = await assist('grid_worker', idOf(NEIGHBOURS[1]), mySlip);
    expect([reused.status, reused.body.code]).toEqual([409, 'ASSISTED.SLIP_PHOTO_USED']);
    // The demo worker goes on to record for four more neighbours of grid 01, each slip sent at once as the app does;
    // the other worker for one.
    for (const neighbour of NEIGHBOURS.slice(1, 5)) {
      expect((await assist('grid_worker', idOf(neighbour), await uploadPhoto('grid_worker', { untilKnown: false }))).status).toBe(200);
    }
    expect((await assist(OTHER_WORKER, idOf('resident'), othersSlip)).status).toBe(200);

    advanceDays(3);
    await closeDueVotes();
    const closed = await app.request('GET', `${API}/topics/${topicId}`, { token: await tokenOf('resident') });
    expect(closed.body.result).toMatchObject({ ballotsCast: 6, assistedBallots: 6, eligibleVoters: 10 });

    const figures = async (who: Role) => app.request('GET', '/api/dashboards/deliberation/assisted-ballots?communityId=community-hexie', { token: await tokenOf(who) });
    expect((await figures('resident')).status).toBe(403);
    await eventually(async () => {
      const { status, body } = await figures('supervisor');
      expect(status).toBe(200);
      expect(body.assistedBallots).toBe(6);
      expect(body.workers).toEqual([
        expect.objectContaining({ assistantId: idOf('grid_worker'), assistantRole: 'grid_worker', assistedBallots: 5, votes: 1, flagged: true }),
        expect.objectContaining({ assistantId: idOf(OTHER_WORKER), assistedBallots: 1, flagged: false }),
      ]);
    });
  });
});
