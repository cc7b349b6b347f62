/**
 * Group commit: writes that arrive while one batch is being committed wait and go together in the next,
 * in one transaction, each with its own answer. Under load a commit's round trips and its flush to disk are
 * shared by the whole batch; alone, a write goes at once (after the current tick, so writes made together
 * travel together). `commit` answers each item in order, or throws for the whole batch, which then fails
 * every item in it with that error (nothing of a failed transaction is stored).
 */
export class GroupCommit<Item, Answer> {
  private pending: { item: Item; resolve: (answer: Answer) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly commit: (items: readonly Item[]) => Promise<readonly Answer[]>,
    private readonly maxBatch = 500,
  ) {}

  submit(item: Item): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const answers = await this.commit(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(answers[i]));
      } catch (error) {
        batch.forEach((p) => p.reject(error));
      }
    }
    this.flushing = false;
  }
}
