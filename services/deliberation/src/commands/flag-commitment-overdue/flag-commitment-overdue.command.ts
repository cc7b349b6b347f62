/** Fired by a commitment's deadline. Idempotent: a completed or flagged commitment is left alone. */
export class FlagCommitmentOverdue {
  readonly type = 'FlagCommitmentOverdue';
  constructor(
    readonly data: {
      readonly meetingId: string;
      readonly commitmentId: string;
    },
  ) {}
}
