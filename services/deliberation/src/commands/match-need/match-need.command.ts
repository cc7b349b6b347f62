import type { Caller } from '../../domain/caller';
import type { MatchNeedRequest } from './match-need.request';

/** 政府配单: an officer matches a need with a provider and a cost; it becomes a candidate project. */
export class MatchNeed {
  readonly type = 'MatchNeed';
  constructor(
    readonly data: {
      readonly communityId: string;
      readonly year: number;
      readonly needId: string;
      readonly caller: Caller;
      readonly request: MatchNeedRequest;
    },
  ) {}
}
