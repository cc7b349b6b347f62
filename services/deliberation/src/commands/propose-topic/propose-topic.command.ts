import type { Caller } from '../../domain/caller';
import type { ProposeTopicRequest } from './propose-topic.request';

/** 民事民提: a resident proposes a topic, optionally anonymous in public. */
export class ProposeTopic {
  readonly type = 'ProposeTopic';
  constructor(
    readonly data: {
      readonly caller: Caller;
      readonly request: ProposeTopicRequest;
    },
  ) {}
}
