import type { Principal } from '@gongzhi/identity';
import type { ChangeRuleRequest } from './change-rule.request';

/** An admin overrides a configured rule's points, daily cap or whether it is on. */
export class ChangeRule {
  readonly type = 'ChangeRule';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly ruleId: string;
      readonly change: ChangeRuleRequest;
    },
  ) {}
}
