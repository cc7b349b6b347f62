import type { Caller } from '../../domain/caller';

/** Staff after the window, or the deadline itself, close the election: the sealed box is counted. */
export class CloseHeadElection {
  readonly type = 'CloseHeadElection';
  constructor(
    readonly data: {
      readonly buildingId: string;
      readonly electionId: string;
      /** The deadline's own caller when absent. */
      readonly caller?: Caller;
    },
  ) {}
}
