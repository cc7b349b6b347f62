import type { Principal } from '@gongzhi/identity';
import type { CloseContestRequest } from './close-contest.request';

/** Staff close a contest after its period: the standings are final and each prize is given once. */
export class CloseContest {
  readonly type = 'CloseContest';
  constructor(readonly data: { readonly principal: Principal; readonly contestId: string; readonly request: CloseContestRequest }) {}
}
