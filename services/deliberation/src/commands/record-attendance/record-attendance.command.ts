import type { Caller } from '../../domain/caller';
import type { RecordAttendanceRequest } from './record-attendance.request';

/** Who attended the topic's meeting. */
export class RecordAttendance {
  readonly type = 'RecordAttendance';
  constructor(
    readonly data: {
      readonly topicId: string;
      readonly caller: Caller;
      readonly request: RecordAttendanceRequest;
    },
  ) {}
}
