import type { Caller } from '../../domain/caller';

/** A resident of the building casts, or changes, their secret ballot for the building head until the close. */
export class CastHeadBallot {
  readonly type = 'CastHeadBallot';
  constructor(
    readonly data: {
      readonly buildingId: string;
      readonly electionId: string;
      readonly candidateId: string;
      readonly caller: Caller;
    },
  ) {}
}
