import type { Caller } from '../../domain/caller';
import type { ScheduleMeetingRequest } from './schedule-meeting.request';

/** 红茶议事会: an officer calls a council meeting with its agenda and moderator. */
export class ScheduleMeeting {
  constructor(
    readonly caller: Caller,
    readonly meeting: ScheduleMeetingRequest,
  ) {}
}
