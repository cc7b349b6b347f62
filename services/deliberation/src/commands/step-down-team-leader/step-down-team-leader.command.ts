import type { Caller } from '../../domain/caller';

/** The leader of a volunteer team steps down; the team waits for the officers to appoint another. */
export class StepDownTeamLeader {
  readonly type = 'StepDownTeamLeader';
  constructor(
    readonly data: {
      readonly caller: Caller;
      readonly communityId: string;
      readonly teamId: string;
    },
  ) {}
}
