import type { Caller } from '../../domain/caller';

/** Signs the meeting's agreement for every party the caller signs for; anyone else is refused. */
export class SignAgreement {
  constructor(
    readonly meetingId: string,
    readonly caller: Caller,
  ) {}
}
