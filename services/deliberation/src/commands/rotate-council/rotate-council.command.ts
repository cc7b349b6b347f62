import type { Caller } from '../../domain/caller';
import type { RotateCouncilRequest } from './rotate-council.request';

/** An officer starts a new council term: its members are drawn from the volunteers. */
export class RotateCouncil {
  readonly type = 'RotateCouncil';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly caller: Caller;
      readonly request: RotateCouncilRequest;
    },
  ) {}
}
