import type { Caller } from '../../domain/caller';
import type { CompleteTopicRequest } from './complete-topic.request';

/** The decision carried out. */
export class CompleteTopic {
  readonly type = 'CompleteTopic';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: CompleteTopicRequest;
    },
  ) {}
}
