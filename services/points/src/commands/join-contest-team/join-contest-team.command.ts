import type { Principal } from '@gongzhi/identity';
import type { JoinContestTeamRequest } from './join-contest-team.request';

/** A resident joins a team of a volunteer month; their verified hours in the period count from then on. */
export class JoinContestTeam {
  readonly type = 'JoinContestTeam';
  constructor(readonly data: { readonly principal: Principal; readonly contestId: string; readonly request: JoinContestTeamRequest }) {}
}
