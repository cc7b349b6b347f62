import type { Caller } from '../../domain/caller';
import type { FormVolunteerTeamRequest } from './form-volunteer-team.request';

/** 志愿服务队: an officer of the community forms a volunteer team and, usually, appoints its leader from the pool. */
export class FormVolunteerTeam {
  readonly type = 'FormVolunteerTeam';
  constructor(
    readonly data: {
      readonly caller: Caller;
      readonly communityId: string;
      readonly request: FormVolunteerTeamRequest;
    },
  ) {}
}
