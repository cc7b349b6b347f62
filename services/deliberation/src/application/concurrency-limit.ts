/**
 * At most `limit` ballots in flight in this process; the rest wait here, in order. A burst of a thousand
 * voters would otherwise queue inside the database pools, whose connection timeout turns a wait into an
 * error; here it stays a wait.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
