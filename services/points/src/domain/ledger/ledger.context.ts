import type { DecisionContext } from '@gongzhi/eventsourcing';
import type { Badge, Honour, Level, PointRule } from '../../config/points-config.schema';

/** The configuration a ledger decision reads: the effective rules (file plus admin changes) and the rest of the file. */
export interface LedgerPolicy {
  readonly rules: Readonly<Record<string, PointRule>>;
  readonly levels: readonly Level[];
  readonly badges: readonly Badge[];
  readonly honours: readonly Honour[];
  readonly burst: { readonly maxAwards: number; readonly windowMinutes: number };
}

export interface LedgerContext extends DecisionContext {
  readonly policy: LedgerPolicy;
}
