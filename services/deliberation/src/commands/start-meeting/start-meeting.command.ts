import type { Caller } from '../../domain/caller';

/** Opens the meeting: its moderator, or an officer of its community standing in; its live record starts. */
export class StartMeeting {
  readonly type = 'StartMeeting';
  constructor(
    readonly data: {
      readonly meetingId: string;
      readonly caller: Caller;
    },
  ) {}
}
