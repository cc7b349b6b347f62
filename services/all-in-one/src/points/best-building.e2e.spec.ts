import { randomUUID } from 'node:crypto';
import { TOPICS } from '@gongzhi/contracts';
import { deliberationService } from '@gongzhi/deliberation';
import { ManualClock } from '@gongzhi/eventsourcing';
import type { Principal, Role } from '@gongzhi/identity';
import { pointsService } from '@gongzhi/points';
import { eventuallyPasses, logConsumersCaughtUp, startTestApp, type TestApp } from '@gongzhi/testing';

const DURING = new Date('2026-12-01T02:00:00.000Z');
const AFTER = new Date('2027-01-01T01:00:00.000Z');
const BUILDINGS = '/api/deliberation/buildings';
const CONTESTS = '/api/points/contests';
const HEXIE = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };

// 最美楼栋: the buildings and their residents come from deliberation's register as events; points compares the
// buildings on cleanliness and on what their residents did in the period, and rewards every resident of the
// winner once.
describe('最美楼栋: the most beautiful building, from the register to the prizes', () => {
  let app: TestApp;
  const as = (role: Role, scope: Principal['scope'], subject = `${role}-${randomUUID()}`) =>
    app.tokenAs({ subject, roles: [role], scope, verification: 'verified' });
  const worker = () => as('grid_worker', { ...HEXIE, gridId: 'grid-hexie-01' });
  const officer = () => as('community_officer', HEXIE, 'officer-hexie');
  const post = async (path: string, token: Promise<string>, body: unknown = {}) => app.request('POST', path, { token: await token, body });

  async function verifiedResident(): Promise<{ id: string; token: () => Promise<string> }> {
    const registered = await app.request('POST', '/api/auth/register', {
      body: {
        username: `res-${randomUUID().slice(0, 8)}`,
        password: 'a-long-enough-password',
        displayName: '居民',
        communityId: 'community-hexie',
        gridId: 'grid-hexie-01',
      },
    });
    await post(`/api/auth/accounts/${registered.body.id}/verify`, officer());
    const id: string = registered.body.id;
    return { id, token: () => as('resident', { ...HEXIE, gridId: 'grid-hexie-01' }, id) };
  }

  async function buildingWith(name: string, residents: readonly { id: string }[]): Promise<string> {
    const created = await post(BUILDINGS, worker(), { gridId: 'grid-hexie-01', name, units: ['1单元'] });
    expect(created.status).toBe(201);
    const buildingId: string = created.body.buildingId;
    for (const [i, resident] of residents.entries()) {
      const home = await post(`${BUILDINGS}/${buildingId}/homes`, worker(), {
        unit: '1单元',
        number: `10${i + 1}`,
        floorAreaSquareMetres: 80,
        ownerIds: [resident.id],
      });
      expect(
        (await post(`${BUILDINGS}/${buildingId}/residents`, worker(), { residentId: resident.id, homeId: home.body.homeId })).status,
      ).toBe(200);
    }
    return buildingId;
  }

  async function caughtUp(): Promise<void> {
    const points = app.platform.infrastructure.get('points')!;
    const deliberationHead = await app.platform.infrastructure.get('deliberation')!.eventStore.headPosition();
    await eventuallyPasses(async () =>
      expect(await points.state.position('points-contest-buildings', `log:${TOPICS.deliberation}`)).toBeGreaterThanOrEqual(
        deliberationHead,
      ),
    );
    await logConsumersCaughtUp(points, `log:${TOPICS.points}`, [
      'points-contests-read-models',
      'points-contest-activity',
      'points-contest-prizes',
      'points-own-reactions',
    ]);
  }

  const prizesOf = async (token: string) =>
    ((await app.request('GET', '/api/points/me/ledger', { token })).body as { ruleId: string; points: number }[]).filter(
      (e) => e.ruleId === 'contest-prize',
    );

  beforeAll(async () => {
    app = await startTestApp([deliberationService, pointsService], { clock: new ManualClock(DURING) });
  });
  afterAll(() => app?.close());

  it('ranks the buildings on cleanliness and participation, and rewards each resident of the winner once', async () => {
    const [wang, li, zhao] = [await verifiedResident(), await verifiedResident(), await verifiedResident()];
    const b3 = await buildingWith('3号楼', [wang, li]);
    const b5 = await buildingWith('5号楼', [zhao]);
    await caughtUp();

    const body = {
      kind: 'building',
      title: '十二月最美楼栋',
      communityId: 'community-hexie',
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      prizePoints: 30,
    };
    expect((await post(CONTESTS, as('resident', { ...HEXIE, gridId: 'grid-hexie-01' }), body)).status).toBe(403);
    const opened = await post(CONTESTS, officer(), body);
    expect(opened.status).toBe(201);
    const contest = `${CONTESTS}/${opened.body.contestId}`;

    for (const [buildingId, score] of [
      [b3, 4],
      [b5, 4],
    ] as const)
      expect((await post(`${contest}/cleanliness`, officer(), { buildingId, score })).status).toBe(201);
    expect((await post(`${contest}/cleanliness`, wang.token(), { buildingId: b3, score: 5 })).status).toBe(403);
    expect((await post(`${contest}/cleanliness`, officer(), { buildingId: b3, score: 9 })).status).toBe(400);

    // wang volunteers: the award for it is participation of 3号楼.
    const logged = await post('/api/points/time-bank/entries', wang.token(), {
      serviceDate: '2026-12-01',
      hours: 2,
      activity: '楼道清扫',
      verifierId: 'organiser-1',
    });
    expect((await post(`/api/points/time-bank/${wang.id}/entries/${logged.body.entryId}/verify`, officer())).status).toBe(200);
    await caughtUp();

    const standings = (await app.request('GET', contest, { token: await zhao.token() })).body.standings;
    expect(standings.map((s: { label: string; score: number }) => [s.label, s.score])).toEqual([
      ['3号楼', 85],
      ['5号楼', 80],
    ]);

    app.clock.set(AFTER);
    const closed = await post(`${contest}/close`, officer());
    expect(closed.status).toBe(200);
    expect(closed.body.prizes.map((p: { residentId: string; points: number }) => [p.residentId, p.points]).sort()).toEqual(
      [
        [wang.id, 30],
        [li.id, 30],
      ].sort(),
    );
    expect((await post(`${contest}/close`, officer())).status).toBe(409);
    await caughtUp();
    expect(await prizesOf(await wang.token())).toEqual([expect.objectContaining({ points: 30 })]);
    expect(await prizesOf(await li.token())).toEqual([expect.objectContaining({ points: 30 })]);
    expect(await prizesOf(await zhao.token())).toEqual([]);
  });
});
