import type { Caller } from '../../domain/caller';
import type { ScheduleMeetingRequest } from './schedule-meeting.request';

/** 红茶议事会: an officer calls a council meeting with its agenda and moderator. */
export class ScheduleMeeting {
  readonly type = 'ScheduleMeeting';
  constructor(
    readonly data: {
      readonly caller: Caller;
      readonly meeting: ScheduleMeetingRequest;
    },
  ) {}
}
