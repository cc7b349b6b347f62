import type { Caller } from '../../domain/caller';
import type { OpenVotingRequest } from './open-voting.request';

/** 民事民决: an officer opens the secret vote on a topic in discussion. */
export class OpenVoting {
  readonly type = 'OpenVoting';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: OpenVotingRequest;
    },
  ) {}
}
