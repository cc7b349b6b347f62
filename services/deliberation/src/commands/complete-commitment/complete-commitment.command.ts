import type { Caller } from '../../domain/caller';

/** A commitment of a concluded agreement carried out: by its party's signatory, or an officer. */
export class CompleteCommitment {
  readonly type = 'CompleteCommitment';
  constructor(
    readonly data: {
      readonly meetingId: string;
      readonly commitmentId: string;
      readonly caller: Caller;
      readonly note: string;
    },
  ) {}
}
