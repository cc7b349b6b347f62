import type { Caller } from '../../domain/caller';
import type { ScreenTopicRequest } from './screen-topic.request';

/** Screening: a topic is accepted, merged into another, or rejected with a written reason. */
export class ScreenTopic {
  constructor(
    readonly topicId: string,
    readonly caller: Caller,
    readonly request: ScreenTopicRequest,
  ) {}
}
