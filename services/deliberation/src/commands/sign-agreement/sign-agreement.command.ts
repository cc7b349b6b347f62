import type { Caller } from '../../domain/caller';

/** Signs the meeting's agreement for every party the caller signs for; anyone else is refused. */
export class SignAgreement {
  readonly type = 'SignAgreement';
  constructor(
    readonly data: {
      readonly meetingId: string;
      readonly caller: Caller;
    },
  ) {}
}
