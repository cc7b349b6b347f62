import type { Principal } from '@gongzhi/identity';
import type { SubmitIdeaRequest } from './submit-idea.request';

/** A resident enters an idea (金点子) in an idea contest of their community. */
export class SubmitIdea {
  readonly type = 'SubmitIdea';
  constructor(readonly data: { readonly principal: Principal; readonly contestId: string; readonly request: SubmitIdeaRequest }) {}
}
