import type { Caller } from '../../domain/caller';

/** A resident casts, or changes, their secret approval ballot on a pool's candidate projects. */
export class CastBudgetBallot {
  readonly type = 'CastBudgetBallot';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly year: number;
      readonly projectIds: readonly string[];
      readonly caller: Caller;
    },
  ) {}
}
