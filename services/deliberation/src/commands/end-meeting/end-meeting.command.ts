import type { Caller } from '../../domain/caller';

/** Closes the meeting; its record stays public. */
export class EndMeeting {
  constructor(
    readonly meetingId: string,
    readonly caller: Caller,
  ) {}
}
