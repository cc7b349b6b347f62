import type { Caller } from '../../domain/caller';
import type { PostCommentRequest } from './post-comment.request';

/** A resident comments on a topic in discussion, or replies to a comment. */
export class PostComment {
  readonly type = 'PostComment';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: PostCommentRequest;
    },
  ) {}
}
