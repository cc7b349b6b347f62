import type { Principal } from '@gongzhi/identity';
import type { ScoreIdeaRequest } from './score-idea.request';

/** A juror of an idea contest scores one idea (1–10, once, never their own). */
export class ScoreIdea {
  readonly type = 'ScoreIdea';
  constructor(readonly data: { readonly principal: Principal; readonly contestId: string; readonly request: ScoreIdeaRequest }) {}
}
