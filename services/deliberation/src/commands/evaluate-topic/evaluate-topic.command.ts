import type { Caller } from '../../domain/caller';
import type { EvaluateTopicRequest } from './evaluate-topic.request';

/** A resident evaluates a completed topic (1–5). */
export class EvaluateTopic {
  readonly type = 'EvaluateTopic';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: EvaluateTopicRequest;
    },
  ) {}
}
