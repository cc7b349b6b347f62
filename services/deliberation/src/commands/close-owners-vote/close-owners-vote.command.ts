import type { Caller } from '../../domain/caller';

/** An officer after the window, or the deadline itself, close an owners' vote: the sealed box is counted. */
export class CloseOwnersVote {
  readonly type = 'CloseOwnersVote';
  constructor(
    readonly data: {
      readonly voteId: string;
      /** The deadline's own caller when absent. */
      readonly caller?: Caller;
    },
  ) {}
}
