import type { Caller } from '../../domain/caller';

/** A resident casts, or changes, their secret approval ballot on a pool's candidate projects. */
export class CastBudgetBallot {
  constructor(
    readonly communityId: string,
    readonly year: number,
    readonly projectIds: readonly string[],
    readonly caller: Caller,
  ) {}
}
