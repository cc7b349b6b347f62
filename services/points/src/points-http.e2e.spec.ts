import { randomUUID } from 'node:crypto';
import { TOPICS } from '@gongzhi/contracts';
import type { Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { pointsService } from '.';
import { myPointsResponse, myRedemptionsResponse } from './queries/my-points/my-points.http.controller';
import { myTimeBankResponse } from './queries/time-bank/time-bank.http.controller';
import { rewardsResponse } from './queries/rewards/rewards.http.controller';
import { pointsRulesResponse } from './queries/rules/rules.http.controller';
import { rewardScheduleResponse } from './queries/reward-schedule/reward-schedule.http.controller';
import { leaderboardResponse } from './queries/leaderboard/leaderboard.http.controller';

describe('points HTTP API: bad input is a clear 4xx and stores nothing', () => {
  let app: TestApp;
  let resident: string;
  let admin: string;
  const eventsStored = () => app.platform.infrastructure.get('points')!.eventStore.headPosition();
  /**
   * The store's head once points has reacted to everything in it (hours deposited earn points a moment later), so a
   * check that a refusal stored nothing does not count an earlier test's reaction landing in its window.
   */
  const settledHead = async () => {
    const infrastructure = app.platform.infrastructure.get('points')!;
    let head = 0;
    await eventuallyPasses(async () => {
      // The position first: a reaction appends before its consumer saves the position past its cause.
      const reacted = (await infrastructure.state.position('points-own-reactions', `log:${TOPICS.points}`)) ?? 0; // none read yet
      head = await infrastructure.eventStore.headPosition();
      expect(reacted).toBeGreaterThanOrEqual(head);
    });
    return head;
  };

  beforeAll(async () => {
    app = await startTestApp([pointsService]);
    [resident, admin] = await Promise.all([app.tokenFor('resident'), app.tokenFor('admin')]);
  });
  afterAll(() => app.close());

  it('refuses a rule with a negative cap (400, field dailyCap), and records who changed a rule', async () => {
    const before = await settledHead();
    const bad = await app.request('PUT', '/api/points/rules/valid-report', {
      token: admin,
      body: { points: 5, dailyCap: -1, enabled: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'dailyCap' })]);
    expect(await eventsStored()).toBe(before);

    expect(
      (await app.request('PUT', '/api/points/rules/valid-report', { token: resident, body: { points: 5, dailyCap: 10, enabled: true } }))
        .status,
    ).toBe(403);
    const ok = await app.request('PUT', '/api/points/rules/valid-report', {
      token: admin,
      body: { points: 5, dailyCap: 10, enabled: true },
    });
    expect(ok.body).toMatchObject({ id: 'valid-report', dailyCap: 10 });
    const changes = await app.request('GET', '/api/points/rules/changes', { token: admin });
    expect(changes.body[0]).toMatchObject({
      ruleId: 'valid-report',
      before: { dailyCap: 25 },
      after: { dailyCap: 10 },
      changedBy: expect.any(String),
    });
  });

  it('refuses more than 24 hours for one day, and a transfer to an unknown resident', async () => {
    const log = (hours: number) =>
      app.request('POST', '/api/points/time-bank/entries', {
        token: resident,
        body: { serviceDate: '2026-11-25', hours, activity: '社区巡逻', verifierId: 'organiser-1' },
      });
    expect((await log(25)).status).toBe(400);
    expect((await log(20)).status).toBe(201);
    const before = await settledHead();
    const tooMany = await log(4.5);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ code: 'TIMEBANK.TOO_MANY_HOURS', errors: [{ path: 'hours' }] });

    const transfer = await app.request('POST', '/api/points/time-bank/transfers', {
      token: resident,
      body: { toResidentId: 'nobody-we-know', hours: 1 },
    });
    expect(transfer.status).toBe(404);
    expect(transfer.body).toMatchObject({ code: 'TIMEBANK.RECIPIENT_NOT_FOUND', errors: [{ path: 'toResidentId' }] });
    expect(await eventsStored()).toBe(before);
  });

  it('refuses a redemption with too few points (422) and of an item out of stock (409)', async () => {
    const listed = await app.request('POST', '/api/points/rewards', {
      token: admin,
      body: { name: '社区食堂餐券', pricePoints: 100, stock: 0 },
    });
    expect(listed.status).toBe(201);
    const before = await settledHead();
    const outOfStock = await app.request('POST', '/api/points/redemptions', { token: resident, body: { rewardId: listed.body.rewardId } });
    expect(outOfStock.status).toBe(409);
    expect(outOfStock.body).toMatchObject({ code: 'REWARD.OUT_OF_STOCK', errors: [{ path: 'rewardId' }] });

    await app.request('POST', `/api/points/rewards/${listed.body.rewardId}/restock`, { token: admin, body: { quantity: 5 } });
    const poor = await app.request('POST', '/api/points/redemptions', { token: resident, body: { rewardId: listed.body.rewardId } });
    expect(poor.status).toBe(422);
    // The message names the numbers; the error's details stay on the server.
    expect(poor.body).toEqual({
      statusCode: 422,
      code: 'POINTS.INSUFFICIENT_BALANCE',
      message: expect.stringMatching(/costs 100 points; the balance is 0$/),
      errors: [{ path: 'rewardId', message: expect.stringMatching(/costs 100 points; the balance is 0$/) }],
    });
    expect(await eventsStored()).toBe(before + 1); // the restock only
  });

  it('shows residents their own points and hours', async () => {
    const me = await app.request('GET', '/api/points/me', { token: resident });
    expect(me.body).toMatchObject({ balance: 0, level: '居民', nextLevel: { name: '热心居民', pointsToGo: 100 } });
    const hours = await app.request('GET', '/api/points/time-bank/me', { token: resident });
    expect(hours.body).toMatchObject({ balance: 0, entries: [expect.objectContaining({ hours: 20, status: 'logged' })] });
  });

  it('lets officers verify hours only for volunteers of their own patch', async () => {
    const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };
    const nanjingdong = { ...huangpu, streetId: 'street-nanjingdong' };
    const as = (role: Role, scope: Record<string, string>) =>
      app.tokenAs({ subject: `${role}-${randomUUID()}`, roles: [role], scope, verification: 'verified' });
    const volunteer = await as('resident', { ...nanjingdong, communityId: 'community-hexie', gridId: 'grid-hexie-01' });
    const logHours = async () => {
      const logged = await app.request('POST', '/api/points/time-bank/entries', {
        token: volunteer,
        body: { serviceDate: '2026-11-25', hours: 1, activity: '助老', verifierId: 'organiser-1' },
      });
      expect(logged.status).toBe(201);
      const me = await app.request('GET', '/api/auth/me', { token: volunteer });
      return `/api/points/time-bank/${me.body.subject}/entries/${logged.body.entryId}`;
    };
    const entry = await logHours();
    const before = await settledHead();
    for (const [role, scope] of [
      ['community_officer', { ...nanjingdong, communityId: 'community-xingfu' }],
      ['street_officer', { ...huangpu, streetId: 'street-waitan' }],
      ['supervisor', huangpu],
    ] as const) {
      const answer = await app.request('POST', `${entry}/verify`, { token: await as(role, scope) });
      expect({ role, status: answer.status, code: answer.body.code }).toEqual({ role, status: 403, code: 'TIMEBANK.FORBIDDEN' });
      expect((await app.request('POST', `${entry}/reject`, { token: await as(role, scope), body: { reason: '不对' } })).status).toBe(403);
    }
    expect(await eventsStored()).toBe(before);

    const ownOfficer = await app.request('POST', `${entry}/verify`, {
      token: await as('community_officer', { ...nanjingdong, communityId: 'community-hexie' }),
    });
    expect([ownOfficer.status, ownOfficer.body.status]).toEqual([200, 'deposited']);
    const streetOfficer = await app.request('POST', `${await logHours()}/verify`, { token: await as('street_officer', nanjingdong) });
    expect([streetOfficer.status, streetOfficer.body.balance]).toEqual([200, 2]);
  });

  it('lets a community officer manage only their own community’s rewards, and only admins a city-wide one', async () => {
    const nanjingdong = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong' };
    const officerOf = (communityId: string) =>
      app.tokenAs({
        subject: `officer-${randomUUID()}`,
        roles: ['community_officer'],
        scope: { ...nanjingdong, communityId },
        verification: 'verified',
      });
    const [hexie, xingfu] = [await officerOf('community-hexie'), await officerOf('community-xingfu')];
    const reward = { name: '社区食堂餐券', pricePoints: 100, stock: 3 };

    const listed = await app.request('POST', '/api/points/rewards', { token: hexie, body: reward });
    expect([listed.status, listed.body.communityId]).toEqual([201, 'community-hexie']);
    const before = await settledHead();
    expect(
      (await app.request('POST', `/api/points/rewards/${listed.body.rewardId}/restock`, { token: xingfu, body: { quantity: 5 } })).status,
    ).toBe(403);
    expect(
      (await app.request('POST', '/api/points/rewards', { token: xingfu, body: { ...reward, communityId: 'community-hexie' } })).status,
    ).toBe(403);
    expect((await app.request('POST', '/api/points/rewards', { token: xingfu, body: { ...reward, communityId: null } })).status).toBe(403);
    expect(await eventsStored()).toBe(before);

    expect(
      (await app.request('POST', `/api/points/rewards/${listed.body.rewardId}/restock`, { token: hexie, body: { quantity: 5 } })).body
        .stock,
    ).toBe(8);
    const cityWide = await app.request('POST', '/api/points/rewards', { token: admin, body: reward });
    expect([cityWide.status, cityWide.body.communityId]).toEqual([201, null]);
    expect(
      (await app.request('POST', `/api/points/rewards/${cityWide.body.rewardId}/restock`, { token: hexie, body: { quantity: 5 } })).status,
    ).toBe(403);
  });

  it('takes a voucher in only by staff of the reward’s own community, and only with its code', async () => {
    const hexie = {
      cityId: 'city-shanghai',
      districtId: 'district-huangpu',
      streetId: 'street-nanjingdong',
      communityId: 'community-hexie',
    };
    const residentId = `resident-${randomUUID()}`;
    const volunteer = await app.tokenAs({ subject: residentId, roles: ['resident'], scope: hexie, verification: 'verified' });
    const officerOf = (communityId: string) =>
      app.tokenAs({
        subject: `officer-${randomUUID()}`,
        roles: ['community_officer'],
        scope: { ...hexie, communityId },
        verification: 'verified',
      });
    const [ownOfficer, otherOfficer] = [await officerOf('community-hexie'), await officerOf('community-xingfu')];

    // An hour verified by the community's officer earns the volunteer the points the voucher costs.
    const logged = await app.request('POST', '/api/points/time-bank/entries', {
      token: volunteer,
      body: { serviceDate: '2026-11-25', hours: 1, activity: '助老', verifierId: 'organiser-1' },
    });
    expect(
      (await app.request('POST', `/api/points/time-bank/${residentId}/entries/${logged.body.entryId}/verify`, { token: ownOfficer }))
        .status,
    ).toBe(200);
    const balance = await eventuallyPasses(async () => {
      const me = await app.request('GET', '/api/points/me', { token: volunteer });
      expect(me.body.balance).toBeGreaterThan(0);
      return me.body.balance as number;
    });
    const listed = await app.request('POST', '/api/points/rewards', {
      token: ownOfficer,
      body: { name: '社区食堂餐券', pricePoints: balance, stock: 1 },
    });
    const redeemed = await app.request('POST', '/api/points/redemptions', { token: volunteer, body: { rewardId: listed.body.rewardId } });
    expect(redeemed.status).toBe(201);
    const use = (token: string, voucherCode: string) =>
      app.request('POST', `/api/points/redemptions/${residentId}/${redeemed.body.redemptionId}/use`, { token, body: { voucherCode } });

    const before = await settledHead();
    const foreign = await use(otherOfficer, redeemed.body.voucherCode);
    expect([foreign.status, foreign.body.code]).toEqual([403, expect.stringMatching(/FORBIDDEN$/)]);
    const forged = await use(ownOfficer, 'GZ-AAAAA-AAAAA');
    expect([forged.status, forged.body.code]).toEqual([422, 'POINTS.VOUCHER_INVALID']);
    expect(await eventsStored()).toBe(before);

    expect((await use(ownOfficer, redeemed.body.voucherCode)).status).toBe(204);
    const mine = await app.request('GET', '/api/points/me/redemptions', { token: volunteer });
    expect(mine.body).toEqual([expect.objectContaining({ redemptionId: redeemed.body.redemptionId, status: 'used' })]);

    // What the app reads is what the OpenAPI document (and so the web's generated types) says it is.
    expect(myRedemptionsResponse.parse(mine.body)).toHaveLength(1);
    expect(myPointsResponse.parse((await app.request('GET', '/api/points/me', { token: volunteer })).body).balance).toBe(0);
    expect(myTimeBankResponse.parse((await app.request('GET', '/api/points/time-bank/me', { token: volunteer })).body).entries).toEqual([
      expect.objectContaining({ entryId: logged.body.entryId, status: 'deposited' }),
    ]);
    // The list is a read model: the redemption's stock reaches it a moment after the answer.
    await eventuallyPasses(async () =>
      expect(rewardsResponse.parse((await app.request('GET', '/api/points/rewards', { token: volunteer })).body)).toContainEqual(
        expect.objectContaining({ rewardId: listed.body.rewardId, stock: 0 }),
      ),
    );
    expect(
      pointsRulesResponse.parse((await app.request('GET', '/api/points/rules', { token: volunteer })).body).rules.length,
    ).toBeGreaterThan(0);
    expect(
      rewardScheduleResponse.parse((await app.request('GET', '/api/points/reward-schedule', { token: volunteer })).body).rules.length,
    ).toBeGreaterThan(0);
    const board = leaderboardResponse.parse(
      (await app.request('GET', '/api/points/leaderboards/community-hexie', { token: volunteer })).body,
    );
    expect(board).toMatchObject({ communityId: 'community-hexie', month: expect.stringMatching(/^\d{4}-\d{2}$/) });
  });
});
