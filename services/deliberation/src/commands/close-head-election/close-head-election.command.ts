import type { Caller } from '../../domain/caller';
import { DEADLINE_CALLER } from '../../application/command-context';

/** Staff after the window, or the deadline itself, close the election: the sealed box is counted. */
export class CloseHeadElection {
  constructor(
    readonly buildingId: string,
    readonly electionId: string,
    readonly caller: Caller = DEADLINE_CALLER,
  ) {}
}
