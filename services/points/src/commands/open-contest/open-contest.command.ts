import type { Principal } from '@gongzhi/identity';
import type { OpenContestRequest } from './open-contest.request';

/** Staff open a contest of their community: 金点子, 最美楼栋 or a volunteer month. */
export class OpenContest {
  readonly type = 'OpenContest';
  constructor(readonly data: { readonly principal: Principal; readonly contest: OpenContestRequest }) {}
}
