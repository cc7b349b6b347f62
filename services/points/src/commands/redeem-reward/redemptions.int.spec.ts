import { DomainError, SYSTEM_ACTOR, uuidv7 } from '@gongzhi/eventsourcing';
import type { Principal } from '@gongzhi/identity';
import type { PointsSettings } from '../../config/load-points-config';
import { loadPointsSettings } from '../../config/load-points-config';
import { Streams } from '../../application/streams';
import { RedeemReward } from './redeem-reward.command';
import { RedeemRewardHandler } from './redeem-reward.handler';
import { CancelRedemption } from '../cancel-redemption/cancel-redemption.command';
import { CancelRedemptionHandler } from '../cancel-redemption/cancel-redemption.handler';
import { PointsTimers } from '../../timers/points-timers';
import { freshTestDatabase } from '@gongzhi/testing';
import { openPointsStack, type PointsStack } from '../../testing/points-stack';

const defaults = loadPointsSettings({});
const settings: PointsSettings = {
  ...defaults,
  config: {
    ...defaults.config,
    rules: defaults.config.rules.map((r) => ({ ...r, dailyCap: 10_000 })),
    burst: { maxAwards: 1_000, windowMinutes: 1 },
  },
};

/** One process's command side, with its own in-process queue per stream: two of them collide only in the store. */
function processOn(stack: PointsStack) {
  const streams = new Streams(stack.infrastructure, stack.settings);
  const timers = new PointsTimers(stack.infrastructure, streams);
  return {
    streams,
    redeem: new RedeemRewardHandler(streams, timers, stack.settings),
    cancel: new CancelRedemptionHandler(streams, timers),
  };
}

describe('redemptions under concurrency (PostgreSQL store)', () => {
  let stack: PointsStack;
  beforeAll(async () => {
    stack = await openPointsStack(await freshTestDatabase('points'), settings);
  });
  afterAll(() => stack.close());

  const resident = (subject: string): Principal => ({ subject, roles: ['resident'], scope: {}, verification: 'verified' });
  const metadata = (id: string) => ({ actor: { id, kind: 'user' as const, roles: ['resident'] }, now: stack.clock.now() });
  const give = (streams: Streams, residentId: string, points: number) =>
    streams.ledger(
      {
        type: 'AwardPoints',
        data: {
          residentId,
          ruleId: 'adopted-suggestion',
          units: points / 20,
          sourceEventId: uuidv7(),
          sourceEventType: 'SuggestionAdopted',
          sourceKey: null,
          communityId: null,
          categoryCode: null,
          confirmedBy: 'officer',
        },
      },
      { actor: SYSTEM_ACTOR, now: stack.clock.now() },
    );

  it('lets exactly 10 of 100 concurrent redemptions of the last 10 coupons through, from two processes', async () => {
    const [a, b] = [processOn(stack), processOn(stack)];
    const rewardId = uuidv7();
    await a.streams.reward(
      { type: 'ListReward', data: { rewardId, name: '社区食堂餐券', description: null, communityId: null, pricePoints: 100, stock: 10 } },
      metadata('admin'),
    );
    const residents = Array.from({ length: 100 }, () => `resident-${uuidv7()}`);
    await Promise.all(residents.map((r) => give(a.streams, r, 100)));

    const outcomes = await Promise.allSettled(
      residents.map((residentId, i) => (i % 2 ? a : b).redeem.execute(new RedeemReward({ principal: resident(residentId), rewardId }))),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const codes = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as DomainError).code] : []));
    expect(won).toHaveLength(10);
    expect(new Set(codes)).toEqual(new Set(['REWARD.OUT_OF_STOCK']));

    const reward = await a.streams.rewardState(rewardId);
    expect(reward).toMatchObject({ status: 'Listed', stock: 0 });
    const balances = await Promise.all(residents.map(async (r) => (await a.streams.ledgerState(r)).state.balance));
    expect(balances.filter((x) => x === 0)).toHaveLength(10);
    expect(balances.filter((x) => x === 100)).toHaveLength(90);
  });

  it('refuses a redemption beyond the balance and stores nothing; a cancellation refunds and restocks', async () => {
    const { streams, redeem, cancel } = processOn(stack);
    const rewardId = uuidv7();
    const residentId = `resident-${uuidv7()}`;
    await streams.reward(
      { type: 'ListReward', data: { rewardId, name: '免费体检', description: null, communityId: null, pricePoints: 100, stock: 1 } },
      metadata('admin'),
    );
    await give(streams, residentId, 80);
    const refused = redeem.execute(new RedeemReward({ principal: resident(residentId), rewardId }));
    await expect(refused).rejects.toMatchObject({ code: 'POINTS.INSUFFICIENT_BALANCE' });
    expect((await stack.infrastructure.eventStore.readStream(`reward-${rewardId}`)).streamVersion).toBe(1);

    await give(streams, residentId, 20);
    const redemption = await redeem.execute(new RedeemReward({ principal: resident(residentId), rewardId }));
    expect(redemption).toMatchObject({ balance: 0, voucherCode: expect.stringMatching(/^GZ-[A-Z2-9]{5}-[A-Z2-9]{5}$/) });
    expect(
      await cancel.execute(
        new CancelRedemption({ principal: resident(residentId), redemptionId: redemption.redemptionId, reason: '改天再用' }),
      ),
    ).toEqual({ balance: 100 });
    expect(await streams.rewardState(rewardId)).toMatchObject({ stock: 1 });
  });
});
