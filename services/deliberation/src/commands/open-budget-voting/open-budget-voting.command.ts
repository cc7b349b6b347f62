import type { Caller } from '../../domain/caller';
import type { OpenBudgetVotingRequest } from './open-budget-voting.request';

/** An officer opens the secret approval vote on the pool's candidate projects for 3–7 days. */
export class OpenBudgetVoting {
  readonly type = 'OpenBudgetVoting';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly year: number;
      readonly caller: Caller;
      readonly request: OpenBudgetVotingRequest;
    },
  ) {}
}
