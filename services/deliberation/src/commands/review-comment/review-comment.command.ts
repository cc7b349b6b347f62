import type { Caller } from '../../domain/caller';
import type { ReviewCommentRequest } from './review-comment.request';

/** A moderator restores or removes a hidden comment, with a reason. */
export class ReviewComment {
  readonly type = 'ReviewComment';
  constructor(
    readonly data: {
      readonly commentId: string;
      readonly caller: Caller;
      readonly request: ReviewCommentRequest;
    },
  ) {}
}
