import type { Caller } from '../../domain/caller';

/** The resident withdraws the ballot staff recorded for them, before the close. */
export class WithdrawAssistedBallot {
  readonly type = 'WithdrawAssistedBallot';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly resident: Caller;
    },
  ) {}
}
