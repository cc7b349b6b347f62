import type { Caller } from '../../domain/caller';
import { DEADLINE_CALLER } from '../../application/command-context';

/** Fired by the pool's voting deadline, or asked by an officer after it. Idempotent: a pool no longer in Voting is left alone. */
export class CloseBudgetVoting {
  constructor(
    readonly communityId: string,
    readonly year: number,
    readonly caller: Caller = DEADLINE_CALLER,
  ) {}
}
