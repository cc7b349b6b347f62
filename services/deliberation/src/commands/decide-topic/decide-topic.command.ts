import type { Caller } from '../../domain/caller';
import type { DecideTopicRequest } from './decide-topic.request';

/** The result of a closed vote published with its reasons. */
export class DecideTopic {
  readonly type = 'DecideTopic';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: DecideTopicRequest;
    },
  ) {}
}
