import type { Caller } from '../../domain/caller';

/** Fired by the pool's voting deadline, or asked by an officer after it. Idempotent: a pool no longer in Voting is left alone. */
export class CloseBudgetVoting {
  readonly type = 'CloseBudgetVoting';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly year: number;
      /** The deadline's own caller when absent. */
      readonly caller?: Caller;
    },
  ) {}
}
