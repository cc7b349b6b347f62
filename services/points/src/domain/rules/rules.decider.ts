import { ownValue } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import type { PointRule } from '../../config/points-config.schema';
import type { ContractDomainEvent } from '@gongzhi/contracts';

export type RulesEvent = ContractDomainEvent<'PointRuleChanged'>;

export interface RuleSettings {
  readonly points: number;
  readonly dailyCap: number;
  readonly enabled: boolean;
}

export type RulesCommand = { readonly type: 'ChangeRule'; readonly data: { readonly ruleId: string; readonly changedBy: string } & RuleSettings };

/** Admin changes over the rules of the configuration file, by rule id. */
export interface RulesState {
  readonly overrides: Readonly<Record<string, RuleSettings>>;
}

export interface RulesContext extends DecisionContext {
  /** The rules as the configuration file defines them. */
  readonly fileRules: readonly PointRule[];
}

export const RULES_STREAM_ID = 'point-rules';

/** The rules in force: the file's, with the admin's changes on top. */
export function effectiveRules(fileRules: readonly PointRule[], state: RulesState): Record<string, PointRule> {
  return Object.fromEntries(fileRules.map((rule) => [rule.id, { ...rule, ...ownValue(state.overrides, rule.id) }]));
}

/** Point rules as an admin changes them: every change records the settings before and after, and who made it. */
export const rulesDecider: Decider<RulesState, RulesCommand, RulesEvent, RulesContext> = {
  initialState: () => ({ overrides: {} }),
  evolve: (state, event) => ({ overrides: { ...state.overrides, [event.data.ruleId]: event.data.after } }),
  decide({ data }, state, { fileRules }) {
    // The rule id comes from the URL: `constructor` must not find what every object inherits.
    const current = ownValue(effectiveRules(fileRules, state), data.ruleId);
    if (!current) throw new DomainError('RULES.NOT_FOUND', `No point rule ${data.ruleId}`, { field: 'ruleId' });
    for (const field of ['points', 'dailyCap'] as const) {
      if (!Number.isInteger(data[field]) || data[field] < 0) {
        throw new DomainError('RULES.INVALID', `${field} must be a whole number of at least 0`, { field });
      }
    }
    const before = { points: current.points, dailyCap: current.dailyCap, enabled: current.enabled };
    const after = { points: data.points, dailyCap: data.dailyCap, enabled: data.enabled };
    if (before.points === after.points && before.dailyCap === after.dailyCap && before.enabled === after.enabled) return [];
    return [{ type: 'PointRuleChanged', data: { ruleId: data.ruleId, before, after, changedBy: data.changedBy } }];
  },
};
