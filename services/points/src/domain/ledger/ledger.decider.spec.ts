import { deciderSpec } from '@gongzhi/testing';
import { ledgerDecider } from './ledger.decider';
import { award, awarded, context, now, residentId } from '../../testing/ledger-fixtures';

const spec = deciderSpec(ledgerDecider, context);
const yesterday = new Date(now.getTime() - 86_400_000).toISOString();

describe('ledger decider', () => {
  describe('when awarding', () => {
    it('awards a valid report 5 points', () => {
      spec
        .given([])
        .when(award('e1'))
        .then([awarded('e1', 5)]);
    });

    it('awards volunteer hours per hour', () => {
      spec
        .given([])
        .when(
          award('e1', {
            ruleId: 'volunteer-hour',
            units: 2.5,
            sourceKey: null,
            categoryCode: null,
            sourceEventType: 'VolunteerHoursDeposited',
          }),
        )
        .then([
          awarded('e1', 25, { ruleId: 'volunteer-hour', sourceKey: null, categoryCode: null, sourceEventType: 'VolunteerHoursDeposited' }),
        ]);
    });

    it('refuses a source event it has already considered (redelivery)', () => {
      spec
        .given([awarded('e1', 5)])
        .when(award('e1'))
        .thenThrows('POINTS.ALREADY_AWARDED');
    });

    it('withholds the award when the resident confirmed their own action', () => {
      spec
        .given([])
        .when(award('e1', { confirmedBy: residentId }))
        .then([
          { type: 'PointsAwardWithheld', data: { residentId, ruleId: 'valid-report', sourceEventId: 'e1', reason: 'self_confirmed' } },
        ]);
    });

    it('cuts the last award to what the daily cap leaves, then withholds', () => {
      const hour = { ruleId: 'volunteer-hour', sourceKey: null, categoryCode: null, sourceEventType: 'VolunteerHoursDeposited' };
      const seventy = [awarded('a', 40, hour), awarded('b', 30, hour)];
      spec
        .given(seventy)
        .when(award('c', { ...hour, units: 2 }))
        .then([awarded('c', 10, hour)]);
      spec
        .given([...seventy, awarded('c', 10, hour)])
        .when(award('d', hour))
        .then([{ type: 'PointsAwardWithheld', data: { residentId, ruleId: 'volunteer-hour', sourceEventId: 'd', reason: 'daily_cap' } }]);
    });

    it('counts the cap per day in Shanghai: yesterday’s awards leave today’s cap whole', () => {
      const before = ['a', 'b', 'c', 'd', 'e'].map((id) => awarded(id, 5, { awardedAt: yesterday }));
      spec
        .given(before)
        .when(award('f'))
        .then([awarded('f', 5)]);
    });

    it('awards nothing for a disabled rule', () => {
      const rules = { ...context.policy.rules, 'valid-report': { ...context.policy.rules['valid-report'], enabled: false } };
      spec
        .given([])
        .when(award('e1'), { policy: { ...context.policy, rules } })
        .then([]);
    });

    it('tells the resident each level reached, and the honour at 500', () => {
      const history = Array.from({ length: 49 }, (_, i) => awarded(`old-${i}`, 10, { awardedAt: yesterday }));
      const levels = [1, 2].map((levelIndex) => ({
        type: 'LevelReached' as const,
        data: { residentId, level: ['居民', '热心居民', '社区达人'][levelIndex], levelIndex, lifetimePoints: 495 },
      }));
      spec
        .given([...history, ...levels.map((l) => ({ ...l, data: { ...l.data, lifetimePoints: 490 } }))])
        .when(award('e1', { ruleId: 'adopted-suggestion', sourceKey: null }))
        .then([
          awarded('e1', 20, { ruleId: 'adopted-suggestion', sourceKey: null }),
          {
            type: 'LevelReached',
            data: {
              residentId,
              level: '治理专家',
              levelIndex: 3,
              lifetimePoints: 510,
              // What every level up to 治理专家 unlocks, so a service that checks one needs only the latest level.
              privileges: ['early-sign-up', 'propose-without-co-signer', 'lead-volunteer-team', 'moderate-meeting'],
            },
          },
          { type: 'BadgeEarned', data: { residentId, badgeId: 'governance-model', badgeName: '社区治理标兵', kind: 'honour' } },
        ]);
    });

    it('earns a topic badge from reports in its categories only', () => {
      const green = { categoryCode: 'environment.garbage.overflow' };
      const history = Array.from({ length: 9 }, (_, i) => awarded(`g-${i}`, 5, { ...green, awardedAt: yesterday }));
      spec
        .given([...history, awarded('other', 5, { awardedAt: yesterday })])
        .when(award('e1', green))
        .then([
          awarded('e1', 5, green),
          { type: 'BadgeEarned', data: { residentId, badgeId: 'green-guardian', badgeName: '环保卫士', kind: 'badge' } },
        ]);
    });

    it('flags a burst of awards once per window for an admin to review', () => {
      const burst = { ...context.policy, burst: { maxAwards: 2, windowMinutes: 60 } };
      const two = [awarded('a', 5), awarded('b', 5, { ruleId: 'deliberation-participation' })];
      const flag = {
        type: 'FarmingSuspected' as const,
        data: { residentId, flagId: `burst-${now.getTime()}`, awardsInWindow: 3, windowMinutes: 60, sourceEventIds: ['a', 'b', 'c'] },
      };
      spec
        .given(two)
        .when(award('c'), { policy: burst })
        .then([awarded('c', 5), flag]);
      spec
        .given([...two, awarded('c', 5), flag])
        .when(award('d'), { policy: burst })
        .then([awarded('d', 5)]);
    });
  });

  describe('when reviewing a flag', () => {
    const flagId = 'burst-1';
    const earlier = awarded('earlier', 10, { ruleId: 'deliberation-participation', sourceKey: 'ballot-1', awardedAt: yesterday });
    const burst = [awarded('a', 5), awarded('b', 5), awarded('c', 5)];
    const flag = {
      type: 'FarmingSuspected' as const,
      data: { residentId, flagId, awardsInWindow: 3, windowMinutes: 60, sourceEventIds: ['a', 'b', 'c'] },
    };
    const review = (outcome: 'cleared' | 'confirmed') => ({
      type: 'ReviewFlag' as const,
      data: { residentId, flagId, outcome, note: outcome === 'confirmed' ? '同一设备' : null },
    });
    const reversed = (sourceEventId: string, debited = 5) => ({
      type: 'PointsReversed' as const,
      data: {
        residentId,
        points: 5,
        debited,
        ruleId: 'valid-report',
        sourceEventId,
        reason: `farming confirmed (flag ${flagId}): 同一设备`,
      },
    });
    const reviewed = { type: 'FarmingReviewed' as const, data: { residentId, flagId, outcome: 'confirmed' as const, note: '同一设备' } };

    it('confirmed, reverses exactly the awards the flag names, and nothing earned before the burst', () => {
      const after = spec
        .given([earlier, ...burst, flag])
        .when(review('confirmed'))
        .then([reviewed, reversed('a'), reversed('b'), reversed('c')]);
      expect(after).toMatchObject({ balance: 10, lifetime: 10 });
    });

    it('confirmed, skips an award of the burst already reversed on its own (a rejected case)', () => {
      const caseVoided = { type: 'PointsReversed' as const, data: { ...reversed('b').data, reason: 'case voided' } };
      spec
        .given([...burst, flag, caseVoided])
        .when(review('confirmed'))
        .then([reviewed, reversed('a'), reversed('c')]);
    });

    it('confirmed on a flag recorded before flags named their awards, reverses the last awards of the burst', () => {
      const { sourceEventIds: _named, ...unnamed } = flag.data;
      spec
        .given([earlier, ...burst, { ...flag, data: unnamed }])
        .when(review('confirmed'))
        .then([reviewed, reversed('a'), reversed('b'), reversed('c')]);
    });

    it('confirmed, never takes the balance below zero', () => {
      const spent = {
        type: 'RewardRedeemed' as const,
        data: { redemptionId: 'r1', residentId, rewardId: 'w', rewardName: '餐券', quantity: 1, points: 12 },
      };
      spec
        .given([...burst, flag, spent])
        .when(review('confirmed'))
        .then([reviewed, reversed('a', 3), reversed('b', 0), reversed('c', 0)]);
    });

    it('cleared, reverses nothing', () => {
      spec
        .given([...burst, flag])
        .when(review('cleared'))
        .then([{ type: 'FarmingReviewed', data: { residentId, flagId, outcome: 'cleared', note: null } }]);
    });

    it('is reviewed once: a replayed confirmation reverses nothing more', () => {
      spec
        .given([...burst, flag, reviewed, reversed('a'), reversed('b'), reversed('c')])
        .when(review('confirmed'))
        .thenThrows('POINTS.FLAG_ALREADY_REVIEWED');
    });

    it('reverses, on the confirmation event, what a confirmation recorded before reviews reversed their awards left, and nothing twice', () => {
      const reverseFlagged = { type: 'ReverseFlaggedAwards' as const, data: { residentId, flagId } };
      const oldReview = { type: 'FarmingReviewed' as const, data: { residentId, flagId, outcome: 'confirmed' as const, note: null } };
      const plain = (id: string) => ({ ...reversed(id), data: { ...reversed(id).data, reason: `farming confirmed (flag ${flagId})` } });
      spec
        .given([...burst, flag, oldReview])
        .when(reverseFlagged)
        .then([plain('a'), plain('b'), plain('c')]);
      spec
        .given([...burst, flag, reviewed, reversed('a'), reversed('b'), reversed('c')])
        .when(reverseFlagged)
        .then([]);
      spec
        .given([...burst, flag, { ...oldReview, data: { ...oldReview.data, outcome: 'cleared' as const } }])
        .when(reverseFlagged)
        .then([]);
    });

    it('refuses a made-up flag id', () => {
      spec
        .given([...burst, flag])
        .when({ ...review('confirmed'), data: { ...review('confirmed').data, flagId: 'burst-0' } })
        .thenThrows('POINTS.FLAG_NOT_FOUND');
    });
  });

  describe('when reversing', () => {
    it('reverses the award of an invalidated source', () => {
      spec
        .given([awarded('e1', 5)])
        .when({ type: 'ReversePoints', data: { residentId, match: { sourceKey: 'case-e1' }, reason: 'case rejected' } })
        .then([
          {
            type: 'PointsReversed',
            data: { residentId, points: 5, debited: 5, ruleId: 'valid-report', sourceEventId: 'e1', reason: 'case rejected' },
          },
        ]);
    });

    it('never takes the balance below zero: spent points stay spent', () => {
      const spent = {
        type: 'RewardRedeemed' as const,
        data: { redemptionId: 'r1', residentId, rewardId: 'w', rewardName: '餐券', quantity: 1, points: 3 },
      };
      spec
        .given([awarded('e1', 5), spent])
        .when({ type: 'ReversePoints', data: { residentId, match: { sourceEventId: 'e1' }, reason: 'farmed' } })
        .then([
          {
            type: 'PointsReversed',
            data: { residentId, points: 5, debited: 2, ruleId: 'valid-report', sourceEventId: 'e1', reason: 'farmed' },
          },
        ]);
    });

    it('reverses once', () => {
      const reversed = {
        type: 'PointsReversed' as const,
        data: { residentId, points: 5, debited: 5, ruleId: 'valid-report', sourceEventId: 'e1', reason: 'x' },
      };
      spec
        .given([awarded('e1', 5), reversed])
        .when({ type: 'ReversePoints', data: { residentId, match: { sourceKey: 'case-e1' }, reason: 'again' } })
        .thenThrows('POINTS.ALREADY_REVERSED');
    });

    it('says so when no award matches', () => {
      spec
        .given([])
        .when({ type: 'ReversePoints', data: { residentId, match: { sourceKey: 'case-x' }, reason: 'x' } })
        .thenThrows('POINTS.AWARD_NOT_FOUND');
    });
  });

  describe('when redeeming', () => {
    const debit = {
      type: 'DebitForReward' as const,
      data: { residentId, redemptionId: 'r1', rewardId: 'coupon', rewardName: '食堂餐券', points: 100 },
    };
    const hundred = Array.from({ length: 10 }, (_, i) =>
      awarded(`s-${i}`, 10, { awardedAt: yesterday, ruleId: 'deliberation-participation' }),
    );

    it('debits the price', () => {
      spec
        .given(hundred)
        .when(debit)
        .then([
          {
            type: 'RewardRedeemed',
            data: { redemptionId: 'r1', residentId, rewardId: 'coupon', rewardName: '食堂餐券', quantity: 1, points: 100 },
          },
        ]);
    });

    it('refuses more than the balance', () => {
      spec.given(hundred.slice(1)).when(debit).thenThrows('POINTS.INSUFFICIENT_BALANCE', { balance: 90, needed: 100 });
    });

    it('refunds a cancelled redemption, before use only', () => {
      const redeemed = { type: 'RewardRedeemed' as const, data: { ...debit.data, quantity: 1 } };
      const cancel = { type: 'CancelRedemption' as const, data: { residentId, redemptionId: 'r1', reason: '不需要了' } };
      spec
        .given([...hundred, redeemed])
        .when(cancel)
        .then([
          {
            type: 'RedemptionCancelled',
            data: { redemptionId: 'r1', residentId, rewardId: 'coupon', pointsRefunded: 100, reason: '不需要了' },
          },
        ]);
      const used = { type: 'RedemptionUsed' as const, data: { redemptionId: 'r1', residentId, rewardId: 'coupon', usedBy: 'canteen' } };
      spec
        .given([...hundred, redeemed, used])
        .when(cancel)
        .thenThrows('POINTS.REDEMPTION_CONFLICT');
    });
  });
});
