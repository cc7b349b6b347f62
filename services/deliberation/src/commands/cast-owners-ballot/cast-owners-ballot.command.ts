import type { Caller } from '../../domain/caller';

/** An owner casts their home's secret ballot (or changes the one they cast) until the close. */
export class CastOwnersBallot {
  readonly type = 'CastOwnersBallot';
  constructor(
    readonly data: {
      readonly voteId: string;
      readonly homeId: string;
      readonly optionId: string;
      readonly caller: Caller;
    },
  ) {}
}
