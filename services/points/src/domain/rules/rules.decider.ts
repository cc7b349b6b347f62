import { ownValue } from '@gongzhi/contracts';
import { assertNever, DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { decideAnnouncement, type AnnounceRulePhase } from './announce-phase.decision';
import type { RulePhase } from './rule-phases';
import type { PointRule } from '../../config/points-config.schema';
import type { ContractDomainEvent } from '@gongzhi/contracts';

export type RulesEvent = ContractDomainEvent<'PointRuleChanged'> | ContractDomainEvent<'PointRulePhaseAnnounced'>;

export interface RuleSettings {
  readonly points: number;
  readonly dailyCap: number;
  readonly enabled: boolean;
}

export type RulesCommand =
  | {
      readonly type: 'ChangeRule';
      readonly data: { readonly ruleId: string; readonly changedBy: string } & RuleSettings;
    }
  | AnnounceRulePhase;

/** Admin changes over the rules of the configuration file, by rule id. */
export interface RulesState {
  readonly overrides: Readonly<Record<string, RuleSettings>>;
  /** The announced phases (逐步淡化物质激励), in the order they were announced. */
  readonly phases: readonly RulePhase[];
  /** Events on the rules stream so far: what an award records as the rules it was decided by. */
  readonly version: number;
}

export interface RulesContext extends DecisionContext {
  /** The rules as the configuration file defines them. */
  readonly fileRules: readonly PointRule[];
}

export const RULES_STREAM_ID = 'point-rules';

/** The rules in force: the file's, with the admin's changes on top. */
export function effectiveRules(fileRules: readonly PointRule[], state: Pick<RulesState, 'overrides'>): Record<string, PointRule> {
  return Object.fromEntries(fileRules.map((rule) => [rule.id, { ...rule, ...ownValue(state.overrides, rule.id) }]));
}

/** Point rules as an admin changes them: every change records the settings before and after, and who made it. */
export const rulesDecider: Decider<RulesState, RulesCommand, RulesEvent, RulesContext> = {
  initialState: () => ({ overrides: {}, phases: [], version: 0 }),
  evolve: (state, event) => {
    const version = state.version + 1;
    switch (event.type) {
      case 'PointRuleChanged':
        return { ...state, version, overrides: { ...state.overrides, [event.data.ruleId]: event.data.after } };
      case 'PointRulePhaseAnnounced':
        return { ...state, version, phases: [...state.phases, event.data] };
      default:
        return assertNever(event);
    }
  },
  decide(command, state, context) {
    const { data } = command;
    // The rule id comes from the URL: `constructor` must not find what every object inherits.
    const current = ownValue(effectiveRules(context.fileRules, state), data.ruleId);
    if (!current) throw new DomainError('RULES.NOT_FOUND', `No point rule ${data.ruleId}`, { field: 'ruleId' });
    if (command.type === 'AnnounceRulePhase') return decideAnnouncement(command.data, state, context);
    const change = command.data;
    for (const field of ['points', 'dailyCap'] as const) {
      if (!Number.isInteger(change[field]) || change[field] < 0) {
        throw new DomainError('RULES.INVALID', `${field} must be a whole number of at least 0`, { field });
      }
    }
    const before = { points: current.points, dailyCap: current.dailyCap, enabled: current.enabled };
    const after = { points: change.points, dailyCap: change.dailyCap, enabled: change.enabled };
    if (before.points === after.points && before.dailyCap === after.dailyCap && before.enabled === after.enabled) return [];
    return [{ type: 'PointRuleChanged', data: { ruleId: change.ruleId, before, after, changedBy: change.changedBy } }];
  },
};
