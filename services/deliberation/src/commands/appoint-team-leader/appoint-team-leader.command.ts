import type { Caller } from '../../domain/caller';

/** 志愿队队长: an officer of the community appoints the team's leader from the pool, replacing the one before. */
export class AppointTeamLeader {
  readonly type = 'AppointTeamLeader';
  constructor(
    readonly data: {
      readonly caller: Caller;
      readonly communityId: string;
      readonly teamId: string;
      readonly leaderId: string;
    },
  ) {}
}
