/** Fired by the voting deadline. Idempotent: a topic no longer in Voting is left alone. */
export class CloseVoting {
  readonly type = 'CloseVoting';
  constructor(readonly data: { readonly topicId: string }) {}
}
