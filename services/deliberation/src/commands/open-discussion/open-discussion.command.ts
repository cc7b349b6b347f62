import type { Caller } from '../../domain/caller';
import type { OpenDiscussionRequest } from './open-discussion.request';

/** 民事民议: discussion opens, optionally with a meeting. */
export class OpenDiscussion {
  readonly type = 'OpenDiscussion';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: OpenDiscussionRequest;
    },
  ) {}
}
