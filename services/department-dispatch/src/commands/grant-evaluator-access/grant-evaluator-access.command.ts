import type { Principal } from '@gongzhi/identity';
import type { GrantEvaluatorAccessRequest } from './grant-evaluator-access.request';

/** A city admin lets a third-party evaluator read named communities for a period (第三方评估). */
export class GrantEvaluatorAccess {
  readonly type = 'GrantEvaluatorAccess';
  constructor(readonly data: { readonly principal: Principal; readonly request: GrantEvaluatorAccessRequest }) {}
}
