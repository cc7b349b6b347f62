import { deciderSpec } from '@gongzhi/testing';
import type { RulePhase } from '../rules/rule-phases';
import { award, awarded, config, context, residentId } from '../../testing/ledger-fixtures';
import { effectiveRules } from '../rules/rules.decider';
import { ledgerDecider } from './ledger.decider';

const honourFromMarch: RulePhase = {
  phaseId: 'phase-1',
  ruleId: 'valid-report',
  effectiveFromDay: '2027-03-01',
  effectiveFrom: '2027-02-28T16:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  reward: 'honour',
  points: 0,
  honourName: '文明市民表扬',
  note: null,
  announcedBy: 'admin-1',
};
const twoPointsFromJanuary: RulePhase = {
  ...honourFromMarch,
  phaseId: 'phase-0',
  effectiveFromDay: '2027-01-01',
  effectiveFrom: '2026-12-31T16:00:00.000Z',
  reward: 'material',
  points: 2,
  honourName: null,
};

const lastMinuteOfFebruary = new Date('2027-02-28T15:59:00.000Z');
const firstMinuteOfMarch = new Date('2027-02-28T16:01:00.000Z');
const spec = deciderSpec(ledgerDecider, {
  ...context,
  policy: { ...context.policy, phases: [twoPointsFromJanuary, honourFromMarch], rulesVersion: 7 },
});

describe('ledger decider: rewards that fade from points to honour', () => {
  describe('before the switch', () => {
    it('pays the points of the phase in force, and records the rules version that decided it', () => {
      spec
        .given([])
        .when(award('e1'), { now: lastMinuteOfFebruary })
        .then([awarded('e1', 2, { awardedAt: lastMinuteOfFebruary.toISOString(), rulesVersion: 7 })]);
    });

    it('pays the rule’s own points before any phase has begun', () => {
      spec
        .given([])
        .when(award('e1'))
        .then([awarded('e1', 5, { rulesVersion: 7 })]);
    });
  });

  describe('after the switch', () => {
    it('records the participation with the honour mention and pays no points', () => {
      const state = spec
        .given([awarded('e0', 2)])
        .when(award('e1'), { now: firstMinuteOfMarch })
        .then([
          {
            type: 'ParticipationHonoured',
            data: {
              residentId,
              communityId: 'community-hexie',
              ruleId: 'valid-report',
              phaseId: 'phase-1',
              honourName: '文明市民表扬',
              sourceEventId: 'e1',
              sourceEventType: 'CaseAccepted',
              sourceKey: 'case-e1',
              honouredAt: firstMinuteOfMarch.toISOString(),
              rulesVersion: 7,
            },
          },
        ]);
      expect(state.balance).toBe(2);
    });

    it('still pays a participation made before the switch that reaches the ledger after it (never retroactive)', () => {
      spec
        .given([])
        .when(award('e1', { participatedAt: lastMinuteOfFebruary.toISOString() }), { now: firstMinuteOfMarch })
        .then([awarded('e1', 2, { awardedAt: firstMinuteOfMarch.toISOString(), rulesVersion: 7 })]);
    });

    it('considers an honoured source once, as it does a paid one (redelivery)', () => {
      spec
        .given([
          {
            type: 'ParticipationHonoured',
            data: {
              residentId,
              communityId: null,
              ruleId: 'valid-report',
              phaseId: 'phase-1',
              honourName: '文明市民表扬',
              sourceEventId: 'e1',
              sourceEventType: 'CaseAccepted',
              sourceKey: 'case-e1',
              honouredAt: firstMinuteOfMarch.toISOString(),
              rulesVersion: 7,
            },
          },
        ])
        .when(award('e1'), { now: firstMinuteOfMarch })
        .thenThrows('POINTS.ALREADY_AWARDED');
    });

    it('leaves other rules paying their points', () => {
      spec
        .given([])
        .when(award('e1', { ruleId: 'adopted-suggestion', sourceKey: null, categoryCode: null }), { now: firstMinuteOfMarch })
        .then([
          awarded('e1', 20, {
            ruleId: 'adopted-suggestion',
            sourceKey: null,
            categoryCode: null,
            awardedAt: firstMinuteOfMarch.toISOString(),
            rulesVersion: 7,
          }),
        ]);
    });
  });

  describe('with a validity period in the configuration', () => {
    const limited = deciderSpec(ledgerDecider, {
      ...context,
      policy: {
        ...context.policy,
        rules: effectiveRules(
          config.rules.map((r) => (r.id === 'valid-report' ? { ...r, validFrom: '2026-11-01', validUntil: '2026-11-26' } : r)),
          { overrides: {} },
        ),
      },
    });

    it('pays on the last day of the period, in city time', () => {
      // 23:59 on 26 November in Shanghai.
      const lastMinute = new Date('2026-11-26T15:59:00.000Z');
      limited
        .given([])
        .when(award('e1'), { now: lastMinute })
        .then([awarded('e1', 5, { awardedAt: lastMinute.toISOString() })]);
    });

    it('pays nothing once the period is over', () => {
      limited
        .given([])
        .when(award('e1'), { now: new Date('2026-11-26T16:00:00.000Z') })
        .then([]);
    });
  });
});
