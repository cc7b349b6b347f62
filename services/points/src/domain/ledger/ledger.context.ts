import type { DecisionContext } from '@gongzhi/eventsourcing';
import type { Badge, Honour, Level, PointRule } from '../../config/points-config.schema';
import type { RulePhase } from '../rules/rule-phases';

/** The configuration a ledger decision reads: the effective rules (file plus admin changes) and the rest of the file. */
export interface LedgerPolicy {
  readonly rules: Readonly<Record<string, PointRule>>;
  readonly levels: readonly Level[];
  readonly badges: readonly Badge[];
  readonly honours: readonly Honour[];
  readonly burst: { readonly maxAwards: number; readonly windowMinutes: number };
  /** Announced phases of the rules (material to honour); none means every rule rewards its own points. */
  readonly phases?: readonly RulePhase[];
  /** The version of the rules stream this policy was read at, recorded on each award for replay. */
  readonly rulesVersion?: number;
}

export interface LedgerContext extends DecisionContext {
  readonly policy: LedgerPolicy;
}
