import type { Caller } from '../../domain/caller';
import type { OpenOwnersVoteRequest } from './open-owners-vote.request';

/** An officer of the community opens a vote of the owners of the homes of some buildings (物业公司选聘 …). */
export class OpenOwnersVote {
  readonly type = 'OpenOwnersVote';
  constructor(
    readonly data: {
      readonly request: OpenOwnersVoteRequest;
      readonly caller: Caller;
    },
  ) {}
}
