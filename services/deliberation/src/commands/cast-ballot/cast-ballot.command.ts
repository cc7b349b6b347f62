import type { Caller } from '../../domain/caller';

/** A resident casts, or changes, their secret ballot until the close. */
export class CastBallot {
  readonly type = 'CastBallot';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly optionId: string;
      readonly caller: Caller;
    },
  ) {}
}
