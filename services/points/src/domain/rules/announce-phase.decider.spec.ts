import defaults from '../../config/default-points-config.json';
import { pointsConfigSchema } from '../../config/points-config.schema';
import { deciderSpec } from '@gongzhi/testing';
import type { AnnounceRulePhase } from './announce-phase.decision';
import { rulesDecider, type RulesEvent } from './rules.decider';

const fileRules = pointsConfigSchema.parse(defaults).rules;
// 17:00 on 26 November in Shanghai.
const spec = deciderSpec(rulesDecider, { now: new Date('2026-11-26T09:00:00Z'), actor: { id: 'admin-1', kind: 'user' }, fileRules });

const announce = (data: Partial<AnnounceRulePhase['data']> = {}): AnnounceRulePhase => ({
  type: 'AnnounceRulePhase',
  data: {
    phaseId: 'phase-1',
    ruleId: 'valid-report',
    effectiveFromDay: '2027-03-01',
    reward: 'honour',
    points: 0,
    honourName: '文明市民表扬',
    note: '3月1日起，上报有效问题不再积5分，改为文明市民表扬。',
    announcedBy: 'admin-1',
    ...data,
  },
});

const honourFromMarch: RulesEvent = {
  type: 'PointRulePhaseAnnounced',
  data: {
    phaseId: 'phase-1',
    ruleId: 'valid-report',
    effectiveFromDay: '2027-03-01',
    // Midnight in Shanghai is 16:00 UTC the day before.
    effectiveFrom: '2027-02-28T16:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    reward: 'honour',
    points: 0,
    honourName: '文明市民表扬',
    note: '3月1日起，上报有效问题不再积5分，改为文明市民表扬。',
    announcedBy: 'admin-1',
  },
};

describe('rules decider: announcing a phase (逐步淡化物质激励)', () => {
  describe('when nothing is announced', () => {
    it('announces a switch from points to an honour, starting at midnight of its first day in city time', () => {
      const state = spec.given([]).when(announce()).then([honourFromMarch]);
      expect(state).toMatchObject({ phases: [honourFromMarch.data], version: 1 });
    });

    it('refuses a first day that is today or earlier in city time: a change is never retroactive', () => {
      spec
        .given([])
        .when(announce({ effectiveFromDay: '2026-11-26' }))
        .thenThrows('RULES.NOT_ANNOUNCED_AHEAD', { field: 'from', today: '2026-11-26' });
      // 00:30 on 27 November in Shanghai is still 26 November in UTC: the city's day decides.
      spec
        .given([])
        .when(announce({ effectiveFromDay: '2026-11-27' }), { now: new Date('2026-11-26T16:30:00Z') })
        .thenThrows('RULES.NOT_ANNOUNCED_AHEAD', { field: 'from', today: '2026-11-27' });
    });

    it('refuses an honour phase without an honour, or one that still pays points', () => {
      spec
        .given([])
        .when(announce({ honourName: null }))
        .thenThrows('RULES.INVALID', { field: 'honourName' });
      spec
        .given([])
        .when(announce({ points: 5 }))
        .thenThrows('RULES.INVALID', { field: 'points' });
    });

    it('knows only the rules of the file, even a name every object has', () => {
      spec
        .given([])
        .when(announce({ ruleId: 'constructor' }))
        .thenThrows('RULES.NOT_FOUND', { field: 'ruleId' });
    });

    it('announces a smaller material reward as a step on the way', () => {
      spec
        .given([])
        .when(announce({ reward: 'material', points: 2, honourName: null, effectiveFromDay: '2027-01-01' }))
        .then([
          {
            type: 'PointRulePhaseAnnounced',
            data: {
              ...honourFromMarch.data,
              effectiveFromDay: '2027-01-01',
              effectiveFrom: '2026-12-31T16:00:00.000Z',
              reward: 'material',
              points: 2,
              honourName: null,
            },
          },
        ]);
    });
  });

  describe('when a phase is announced', () => {
    it('refuses a second phase of the same rule from the same day', () => {
      spec
        .given([honourFromMarch])
        .when(announce({ phaseId: 'phase-2' }))
        .thenThrows('RULES.PHASE_EXISTS', { field: 'from' });
    });

    it('counts rule changes and announcements alike in the version an award records', () => {
      const changed: RulesEvent = {
        type: 'PointRuleChanged',
        data: {
          ruleId: 'valid-report',
          before: { points: 5, dailyCap: 25, enabled: true },
          after: { points: 5, dailyCap: 10, enabled: true },
          changedBy: 'admin-1',
        },
      };
      const state = spec
        .given([changed, honourFromMarch])
        .when(announce({ phaseId: 'phase-2', ruleId: 'adopted-suggestion' }))
        .then([{ type: 'PointRulePhaseAnnounced', data: { ...honourFromMarch.data, phaseId: 'phase-2', ruleId: 'adopted-suggestion' } }]);
      expect(state.version).toBe(3);
    });
  });
});
