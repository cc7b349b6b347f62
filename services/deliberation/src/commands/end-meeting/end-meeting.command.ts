import type { Caller } from '../../domain/caller';

/** Closes the meeting; its record stays public. */
export class EndMeeting {
  readonly type = 'EndMeeting';
  constructor(
    readonly data: {
      readonly meetingId: string;
      readonly caller: Caller;
    },
  ) {}
}
