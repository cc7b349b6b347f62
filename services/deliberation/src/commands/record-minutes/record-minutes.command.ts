import type { Caller } from '../../domain/caller';
import type { RecordMinutesRequest } from './record-minutes.request';

/** Records (or replaces) the minutes (会议纪要) of a meeting in session or ended. */
export class RecordMinutes {
  readonly type = 'RecordMinutes';
  constructor(
    readonly data: {
      readonly meetingId: string;
      readonly caller: Caller;
      readonly request: RecordMinutesRequest;
    },
  ) {}
}
