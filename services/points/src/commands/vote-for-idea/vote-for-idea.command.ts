import type { Principal } from '@gongzhi/identity';
import type { VoteForIdeaRequest } from './vote-for-idea.request';

/** A resident votes for one idea of another resident (one vote per contest). */
export class VoteForIdea {
  readonly type = 'VoteForIdea';
  constructor(readonly data: { readonly principal: Principal; readonly contestId: string; readonly request: VoteForIdeaRequest }) {}
}
