import type { Caller } from '../../domain/caller';

/** Opens the meeting: its moderator, or an officer of its community standing in; its live record starts. */
export class StartMeeting {
  constructor(
    readonly meetingId: string,
    readonly caller: Caller,
  ) {}
}
