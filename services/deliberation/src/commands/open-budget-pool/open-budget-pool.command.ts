import type { Caller } from '../../domain/caller';
import type { OpenBudgetPoolRequest } from './open-budget-pool.request';

/** An officer opens a community's budget pool (民生微实事) for a year. */
export class OpenBudgetPool {
  readonly type = 'OpenBudgetPool';
  constructor(
    readonly data: {
      readonly caller: Caller;
      readonly request: OpenBudgetPoolRequest;
    },
  ) {}
}
