import { randomUUID } from 'node:crypto';
import { TOPICS } from '@gongzhi/contracts';
import { ManualClock } from '@gongzhi/eventsourcing';
import type { Principal, Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { pointsService } from '..';

const DURING = new Date('2026-12-01T02:00:00.000Z');
const AFTER = new Date('2027-01-01T01:00:00.000Z');
const CONTESTS = '/api/points/contests';
const HEXIE = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };

/** A 金点子 judged by a jury: the named jurors score, nobody else; the scores stay theirs until the close publishes the means. */
describe('an idea contest judged by a jury (评审团)', () => {
  let app: TestApp;
  const as = (role: Role, subject: string, scope: Principal['scope'] = HEXIE) =>
    app.tokenAs({ subject, roles: [role], scope, verification: 'verified' });
  const resident = () => {
    const id = `resident-${randomUUID()}`;
    return { id, token: () => as('resident', id, { ...HEXIE, gridId: 'grid-hexie-01' }) };
  };
  const officer = () => as('community_officer', 'officer-hexie');
  const post = async (path: string, token: Promise<string>, body: unknown = {}) => app.request('POST', path, { token: await token, body });
  const get = async (path: string, token: Promise<string>) => app.request('GET', path, { token: await token });
  const points = () => app.platform.infrastructure.get('points')!;
  const readModelCaughtUp = async () => {
    const head = await points().eventStore.headPosition();
    await eventuallyPasses(async () =>
      expect(await points().state.position('points-contests-read-models', `log:${TOPICS.points}`)).toBeGreaterThanOrEqual(head),
    );
  };

  beforeAll(async () => {
    app = await startTestApp([pointsService], { clock: new ManualClock(DURING) });
  });
  afterAll(() => app?.close());

  it('lets only the named jurors score, once each and never their own idea, keeps the scores private until the close, then publishes the means', async () => {
    const [wang, li, zhao, juror] = [resident(), resident(), resident(), resident()];
    const opened = await post(CONTESTS, officer(), {
      kind: 'idea',
      title: '评审团金点子',
      communityId: 'community-hexie',
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      prizePoints: 80,
      jurorIds: ['officer-hexie', juror.id, wang.id],
    });
    expect(opened.status).toBe(201);
    const contest = `${CONTESTS}/${opened.body.contestId}`;
    const bench = await post(`${contest}/ideas`, wang.token(), { title: '楼下加装休息座椅', description: '老人买菜回来可以歇一歇' });
    const lights = await post(`${contest}/ideas`, li.token(), { title: '楼道换声控灯', description: '晚上回家看不清台阶' });
    expect(await post(`${contest}/scores`, juror.token(), { entryId: bench.body.entryId, score: 6 })).toMatchObject({ status: 201 });
    expect((await post(`${contest}/scores`, officer(), { entryId: lights.body.entryId, score: 9 })).status).toBe(201);
    expect((await post(`${contest}/scores`, juror.token(), { entryId: lights.body.entryId, score: 8 })).status).toBe(201);
    expect((await post(`${contest}/scores`, wang.token(), { entryId: lights.body.entryId, score: 10 })).status).toBe(201);

    // The attacker: a non-juror, a juror on their own idea, a second score, a score out of range, a vote instead.
    const before = await points().eventStore.headPosition();
    expect(await post(`${contest}/scores`, zhao.token(), { entryId: lights.body.entryId, score: 10 })).toMatchObject({
      status: 403,
      body: { code: 'CONTEST.NOT_A_JUROR' },
    });
    expect(await post(`${contest}/scores`, wang.token(), { entryId: bench.body.entryId, score: 10 })).toMatchObject({
      body: { code: 'CONTEST.OWN_ENTRY' },
    });
    expect(await post(`${contest}/scores`, juror.token(), { entryId: lights.body.entryId, score: 1 })).toMatchObject({
      status: 409,
      body: { code: 'CONTEST.ALREADY_SCORED' },
    });
    const outOfRange = await post(`${contest}/scores`, juror.token(), { entryId: bench.body.entryId, score: 11 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors.map((e: { path: string }) => e.path)).toEqual(['score']);
    expect(await post(`${contest}/votes`, zhao.token(), { entryId: lights.body.entryId })).toMatchObject({
      body: { code: 'CONTEST.JURY_DECIDES' },
    });
    expect(await points().eventStore.headPosition()).toBe(before);

    await readModelCaughtUp();
    const seenByResident = await get(contest, zhao.token());
    expect(seenByResident.body).toMatchObject({ judging: 'jury', scoresHidden: true, standings: [] });
    expect(seenByResident.body).not.toHaveProperty('myScores');
    const seenByJuror = await get(contest, juror.token());
    expect(seenByJuror.body).toMatchObject({
      scoresHidden: false,
      myScores: { [bench.body.entryId]: 6, [lights.body.entryId]: 8 },
    });
    expect(seenByJuror.body.standings.map((s: { label: string; score: number }) => [s.label, s.score])).toEqual([
      ['楼道换声控灯', 9],
      ['楼下加装休息座椅', 6],
    ]);
    expect((await get(contest, officer())).body.scoresHidden).toBe(false);
    const otherOfficer = as('community_officer', 'officer-xingfu', { ...HEXIE, communityId: 'community-xingfu' });
    expect((await get(contest, otherOfficer)).body).toMatchObject({ scoresHidden: true, standings: [] });

    app.clock.set(AFTER);
    expect(await post(`${contest}/scores`, juror.token(), { entryId: bench.body.entryId, score: 7 })).toMatchObject({
      body: { code: 'CONTEST.NOT_RUNNING' },
    });
    const closed = await post(`${contest}/close`, officer());
    expect(closed.status).toBe(200);
    expect(closed.body.prizes).toEqual([{ residentId: li.id, points: 80, reasons: ['评审团金点子：金点子第1名「楼道换声控灯」'] }]);
    await readModelCaughtUp();
    const published = await get(contest, zhao.token());
    expect(published.body).toMatchObject({ status: 'closed', scoresHidden: false });
    expect(published.body.standings).toEqual([
      { rank: 1, kind: 'idea', subjectId: lights.body.entryId, label: '楼道换声控灯', score: 9 },
      { rank: 2, kind: 'idea', subjectId: bench.body.entryId, label: '楼下加装休息座椅', score: 6 },
    ]);
    // The means, never who gave what: a resident sees no juror's scores.
    expect(published.body).not.toHaveProperty('myScores');
    app.clock.set(DURING);
  });

  it('refuses a jury for a contest that is not an idea contest', async () => {
    const res = await post(CONTESTS, officer(), {
      kind: 'volunteer',
      title: '志愿服务月',
      communityId: 'community-hexie',
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      prizePoints: 30,
      teams: ['红马甲队'],
      jurorIds: ['officer-hexie'],
    });
    expect(res).toMatchObject({ status: 422, body: { code: 'CONTEST.JURY_FOR_IDEAS_ONLY', errors: [{ path: 'jurorIds' }] } });
  });
});
