import type { Caller } from '../../domain/caller';
import type { ScreenTopicRequest } from './screen-topic.request';

/** Screening: a topic is accepted, merged into another, or rejected with a written reason. */
export class ScreenTopic {
  readonly type = 'ScreenTopic';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: ScreenTopicRequest;
    },
  ) {}
}
