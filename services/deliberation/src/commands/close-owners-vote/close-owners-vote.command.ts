import type { Caller } from '../../domain/caller';
import { DEADLINE_CALLER } from '../../application/command-context';

/** An officer after the window, or the deadline itself, close an owners' vote: the sealed box is counted. */
export class CloseOwnersVote {
  constructor(
    readonly voteId: string,
    readonly caller: Caller = DEADLINE_CALLER,
  ) {}
}
