/** Fired by a commitment's deadline. Idempotent: a completed or flagged commitment is left alone. */
export class FlagCommitmentOverdue {
  constructor(
    readonly meetingId: string,
    readonly commitmentId: string,
  ) {}
}
