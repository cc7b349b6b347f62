import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { TOPICS, type PublicEvent } from '@gongzhi/contracts';
import { ManualClock } from '@gongzhi/eventsourcing';
import type { Principal, Role } from '@gongzhi/identity';
import { eventuallyPasses, logConsumersCaughtUp, startTestApp, type TestApp } from '@gongzhi/testing';
import { pointsService } from '..';
import { awardPrizesWhenContestClosed } from '../policies/award-prizes-when-contest-closed.policy';
import { countContestActivityConsumer } from '../policies/count-contest-activity.consumer';
import { ContestStandingView, ContestView } from '../read-models/contest-read-models.entities';
import { projectContestEvent } from '../read-models/contests.projector';
import type { ContestEvent } from '../domain/contest/contest.events';
import { contestResponse, contestsResponse } from '../queries/contests/contests.http.controller';

const DURING = new Date('2026-12-01T02:00:00.000Z');
const AFTER = new Date('2027-01-01T01:00:00.000Z');
const CONTESTS = '/api/points/contests';
const HEXIE = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };

/** Contests over HTTP: staff of the patch run them, residents of the community take part, and prizes are paid once. */
describe('contests (竞赛化激励)', () => {
  let app: TestApp;
  const as = (role: Role, scope: Principal['scope'] = HEXIE, subject = `${role}-${randomUUID()}`) =>
    app.tokenAs({ subject, roles: [role], scope, verification: 'verified' });
  const officer = () => as('community_officer', HEXIE, 'officer-hexie');
  const resident = () => {
    const id = `resident-${randomUUID()}`;
    return { id, token: () => as('resident', { ...HEXIE, gridId: 'grid-hexie-01' }, id) };
  };
  const post = async (path: string, token: Promise<string> | string, body: unknown = {}) =>
    app.request('POST', path, { token: await token, body });
  const points = () => app.platform.infrastructure.get('points')!;

  /** Every consumer of the points topic has read the log to its end, reactions included. */
  const caughtUp = (...consumers: string[]) => logConsumersCaughtUp(points(), `log:${TOPICS.points}`, consumers);
  const allCaughtUp = () =>
    caughtUp(
      'points-contests-read-models',
      'points-contest-activity',
      'points-contest-prizes',
      'points-own-reactions',
      'points-read-models',
    );
  const prizesOf = async (token: string) =>
    ((await app.request('GET', '/api/points/me/ledger', { token })).body as { ruleId: string; points: number }[]).filter(
      (e) => e.ruleId === 'contest-prize',
    );

  beforeAll(async () => {
    app = await startTestApp([pointsService], { clock: new ManualClock(DURING) });
  });
  afterAll(() => app?.close());

  it('lets community and street staff of the patch open a contest, and refuses a resident or an officer of another community', async () => {
    const body = {
      kind: 'idea',
      title: '金点子大赛',
      communityId: 'community-hexie',
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      prizePoints: 50,
    };
    expect((await post(CONTESTS, resident().token(), body)).status).toBe(403);
    const elsewhere = await post(CONTESTS, as('community_officer', { ...HEXIE, communityId: 'community-xingfu' }), body);
    expect(elsewhere).toMatchObject({ status: 403 });
    const otherStreet = await post(
      CONTESTS,
      as('street_officer', { ...HEXIE, streetId: 'street-waitan', communityId: undefined as never }),
      body,
    );
    expect(otherStreet.status).toBe(403);
    const bad = await post(CONTESTS, officer(), { ...body, prizePoints: -5, startDate: '1 December' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['prizePoints', 'startDate']);
    const street = await post(CONTESTS, as('street_officer', { ...HEXIE, communityId: undefined as never }), body);
    expect(street.status).toBe(201);
    await eventuallyPasses(async () =>
      expect(contestsResponse.parse((await app.request('GET', CONTESTS, { token: await resident().token() })).body)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ contestId: street.body.contestId, status: 'open', startsAt: '2026-11-30T16:00:00.000Z' }),
        ]),
      ),
    );
  });

  it('runs a 金点子 contest: ideas and one vote each, the winner paid once even when the close is replayed or redelivered', async () => {
    const opened = await post(CONTESTS, officer(), {
      kind: 'idea',
      title: '十二月金点子',
      communityId: 'community-hexie',
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      prizePoints: 50,
    });
    const contest = `${CONTESTS}/${opened.body.contestId}`;
    const [wang, li, zhao] = [resident(), resident(), resident()];
    const bench = await post(`${contest}/ideas`, wang.token(), { title: '楼下加装休息座椅', description: '老人买菜回来可以歇一歇' });
    expect(bench.status).toBe(201);
    const lights = await post(`${contest}/ideas`, li.token(), { title: '楼道换声控灯', description: '晚上回家看不清台阶' });
    expect((await post(`${contest}/votes`, zhao.token(), { entryId: bench.body.entryId })).status).toBe(201);
    expect((await post(`${contest}/votes`, li.token(), { entryId: bench.body.entryId })).status).toBe(201);

    // The attacker: a second vote, a vote for oneself, a made-up idea, a resident of another community, staff entering.
    const eventsBefore = await points().eventStore.headPosition();
    expect(await post(`${contest}/votes`, zhao.token(), { entryId: lights.body.entryId })).toMatchObject({
      status: 409,
      body: { code: 'CONTEST.ALREADY_VOTED' },
    });
    expect(await post(`${contest}/votes`, wang.token(), { entryId: bench.body.entryId })).toMatchObject({
      body: { code: 'CONTEST.OWN_ENTRY' },
    });
    expect((await post(`${contest}/votes`, resident().token(), { entryId: 'made-up' })).status).toBe(404);
    const outsider = as('resident', { ...HEXIE, communityId: 'community-xingfu', gridId: 'grid-xingfu-01' });
    expect(await post(`${contest}/votes`, outsider, { entryId: lights.body.entryId })).toMatchObject({
      status: 403,
      body: { code: 'CONTEST.FORBIDDEN' },
    });
    expect((await post(`${contest}/ideas`, officer(), { title: 'x', description: 'y' })).status).toBe(403);
    expect(await post(`${contest}/close`, officer())).toMatchObject({ status: 422, body: { code: 'CONTEST.NOT_ENDED' } });
    expect(await points().eventStore.headPosition()).toBe(eventsBefore);

    await allCaughtUp();
    const running = await app.request('GET', contest, { token: await wang.token() });
    expect(contestResponse.parse(running.body).standings).toEqual([
      expect.objectContaining({ rank: 1, label: '楼下加装休息座椅', score: 2 }),
      expect.objectContaining({ rank: 2, label: '楼道换声控灯', score: 0 }),
    ]);

    app.clock.set(AFTER);
    expect(await post(`${contest}/votes`, resident().token(), { entryId: lights.body.entryId })).toMatchObject({
      body: { code: 'CONTEST.NOT_RUNNING' },
    });
    expect((await post(`${contest}/close`, resident().token())).status).toBe(403);
    const closed = await post(`${contest}/close`, officer());
    expect(closed.status).toBe(200);
    expect(closed.body.prizes).toEqual([{ residentId: wang.id, points: 50, reasons: ['十二月金点子：金点子第1名「楼下加装休息座椅」'] }]);
    expect(await post(`${contest}/close`, officer())).toMatchObject({ status: 409, body: { code: 'CONTEST.ALREADY_CLOSED' } });

    await allCaughtUp();
    expect(await prizesOf(await wang.token())).toEqual([expect.objectContaining({ points: 50 })]);
    // A consumer redelivers the close past its inbox: the ledger refuses the second award of one source event.
    const { events } = await points().eventStore.readStream(`contest-${opened.body.contestId}`);
    const closedEvent = events.find((e) => e.type === 'ContestClosed')! as unknown as PublicEvent;
    const redelivery = awardPrizesWhenContestClosed(app.app.get(CommandBus), app.clock);
    await redelivery.handle(closedEvent, points().dataSource.manager);
    await redelivery.handle(closedEvent, points().dataSource.manager);
    await allCaughtUp();
    expect(await prizesOf(await wang.token())).toEqual([expect.objectContaining({ points: 50 })]);
    expect(await prizesOf(await li.token())).toEqual([]);
    app.clock.set(DURING);
  });

  it('runs a volunteer month from verified hours, and a rebuild of its standings from the events gives the same standings', async () => {
    const opened = await post(CONTESTS, officer(), {
      kind: 'volunteer',
      title: '十二月志愿服务月',
      communityId: 'community-hexie',
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      prizePoints: 30,
      teamPrizePoints: 20,
      teams: ['红马甲队', '银发队'],
    });
    expect(opened.status).toBe(201);
    const contestId: string = opened.body.contestId;
    const contest = `${CONTESTS}/${contestId}`;
    const [wang, li, zhao, bystander] = [resident(), resident(), resident(), resident()];
    for (const [who, team] of [
      [wang, 'team-1'],
      [li, 'team-1'],
      [zhao, 'team-2'],
    ] as const)
      expect((await post(`${contest}/team`, who.token(), { teamId: team })).status).toBe(201);
    expect(await post(`${contest}/team`, wang.token(), { teamId: 'team-2' })).toMatchObject({
      status: 409,
      body: { code: 'CONTEST.ALREADY_IN_TEAM' },
    });
    expect((await post(`${contest}/team`, bystander.token(), { teamId: 'team-9' })).status).toBe(404);

    const volunteer = async (who: { id: string; token: () => Promise<string> }, hours: number) => {
      const logged = await post('/api/points/time-bank/entries', who.token(), {
        serviceDate: '2026-12-01',
        hours,
        activity: '助老陪伴',
        verifierId: 'organiser-1',
      });
      expect(logged.status).toBe(201);
      const verified = await post(`/api/points/time-bank/${who.id}/entries/${logged.body.entryId}/verify`, officer());
      expect(verified.status).toBe(200);
    };
    // Public names, as the honour roll shows them: wang and zhao chose one, li did not.
    for (const [who, displayName] of [
      [wang, '王阿姨'],
      [zhao, '赵师傅'],
    ] as const)
      expect((await app.request('PUT', '/api/points/me/profile', { token: await who.token(), body: { displayName } })).status).toBe(200);
    await volunteer(wang, 6);
    await volunteer(li, 1);
    await volunteer(zhao, 5);
    await volunteer(bystander, 8);
    await allCaughtUp();
    // Delivered again past the inbox (a consumer restarted before its commit): each act counts once.
    const { events: wangsHours } = await points().eventStore.readStream(`timebank-${wang.id}`);
    const deposited = wangsHours.find((e) => e.type === 'VolunteerHoursDeposited')! as unknown as PublicEvent;
    await countContestActivityConsumer(app.app.get(CommandBus), app.clock).handle(deposited, points().dataSource.manager);
    await allCaughtUp();

    const live = contestResponse.parse((await app.request('GET', contest, { token: await wang.token() })).body);
    expect(live.standings.map((s: { kind: string; label: string; score: number }) => [s.kind, s.label, s.score])).toEqual([
      ['resident', '王阿姨', 6],
      ['resident', '赵师傅', 5],
      ['resident', '未署名志愿者', 1],
      ['team', '红马甲队', 7],
      ['team', '银发队', 5],
    ]);

    // Rebuild: the contest's views are dropped and its stream replayed through the projector.
    const { events } = await points().eventStore.readStream(`contest-${contestId}`);
    await points().dataSource.transaction(async (manager) => {
      await manager.delete(ContestStandingView, { contestId });
      await manager.delete(ContestView, { contestId });
      for (const event of events) await projectContestEvent(manager, { type: event.type, data: event.data } as ContestEvent);
    });
    expect((await app.request('GET', contest, { token: await wang.token() })).body).toEqual(live);

    app.clock.set(AFTER);
    const closed = await post(`${contest}/close`, as('street_officer', { ...HEXIE, communityId: undefined as never }));
    expect(closed.status).toBe(200);
    expect(closed.body.prizes).toEqual([
      { residentId: wang.id, points: 50, reasons: ['十二月志愿服务月：优秀志愿者第1名', '十二月志愿服务月：优秀团队 红马甲队'] },
      { residentId: li.id, points: 20, reasons: ['十二月志愿服务月：优秀团队 红马甲队'] },
    ]);
    await allCaughtUp();
    expect(await prizesOf(await wang.token())).toEqual([expect.objectContaining({ points: 50 })]);
    expect(await prizesOf(await li.token())).toEqual([expect.objectContaining({ points: 20 })]);
    expect(await prizesOf(await bystander.token())).toEqual([]);
    app.clock.set(DURING);
  });
});
