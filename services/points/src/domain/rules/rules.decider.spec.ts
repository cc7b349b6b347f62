import defaults from '../../config/default-points-config.json';
import { pointsConfigSchema } from '../../config/points-config.schema';
import { deciderSpec } from '@gongzhi/testing';
import { effectiveRules, rulesDecider, type RulesEvent } from './rules.decider';

const fileRules = pointsConfigSchema.parse(defaults).rules;
const spec = deciderSpec(rulesDecider, { now: new Date('2026-11-26T09:00:00Z'), actor: { id: 'admin-1', kind: 'user' }, fileRules });
const change = (settings: Partial<{ points: number; dailyCap: number; enabled: boolean }>, ruleId = 'valid-report') => ({
  type: 'ChangeRule' as const,
  data: { ruleId, changedBy: 'admin-1', points: 5, dailyCap: 25, enabled: true, ...settings },
});

describe('rules decider', () => {
  it('records who changed what, before and after', () => {
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
      .given([])
      .when(change({ dailyCap: 10 }))
      .then([changed]);
    expect(effectiveRules(fileRules, state)['valid-report']).toMatchObject({ points: 5, dailyCap: 10 });
  });
  it('refuses a negative cap', () => {
    spec
      .given([])
      .when(change({ dailyCap: -1 }))
      .thenThrows('RULES.INVALID', { field: 'dailyCap' });
  });
  it('knows only the rules of the file', () => {
    spec.given([]).when(change({}, 'likes')).thenThrows('RULES.NOT_FOUND');
  });
  it('records nothing when nothing changes', () => {
    spec.given([]).when(change({})).then([]);
  });
});
