import type { Caller } from '../../domain/caller';
import type { OpenHeadElectionRequest } from './open-head-election.request';

/** Staff of the grid open the election of the building head (楼栋长) among residents who stand. */
export class OpenHeadElection {
  readonly type = 'OpenHeadElection';
  constructor(
    readonly data: {
      readonly buildingId: string;
      readonly request: OpenHeadElectionRequest;
      readonly caller: Caller;
    },
  ) {}
}
