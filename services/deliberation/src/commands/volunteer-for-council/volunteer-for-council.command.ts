import type { Caller } from '../../domain/caller';
import type { VolunteerForCouncilRequest } from './volunteer-for-council.request';

/** A resident volunteers to serve on their community council (轮值). */
export class VolunteerForCouncil {
  readonly type = 'VolunteerForCouncil';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly caller: Caller;
      readonly request: VolunteerForCouncilRequest;
    },
  ) {}
}
