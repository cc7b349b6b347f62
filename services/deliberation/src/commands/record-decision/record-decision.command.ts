import type { Caller } from '../../domain/caller';
import type { RecordDecisionRequest } from './record-decision.request';

/** A decision of the meeting, with the figures of a show of hands when one was taken. */
export class RecordDecision {
  readonly type = 'RecordDecision';
  constructor(
    readonly data: {
      readonly meetingId: string;
      readonly caller: Caller;
      readonly decision: RecordDecisionRequest;
    },
  ) {}
}
