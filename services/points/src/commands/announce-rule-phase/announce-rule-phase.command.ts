import type { Principal } from '@gongzhi/identity';
import type { AnnounceRulePhaseRequest } from './announce-rule-phase.request';

/** A city admin announces ahead how a rule rewards from a given day: points, or an honour mention instead. */
export class AnnounceRulePhase {
  readonly type = 'AnnounceRulePhase';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly ruleId: string;
      readonly phase: AnnounceRulePhaseRequest;
    },
  ) {}
}
