import { IdentityError } from '../../errors';

/** More password checks waiting than the gate queues: the caller should come back shortly (503). */
export class PasswordHashingBusyError extends IdentityError {
  constructor(readonly retryAfterSeconds: number) {
    super('AUTH.BUSY', `too many sign-ins at once; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * Bounds the password hashes running at once. Each scrypt holds 32 MiB and a thread of libuv's pool
 * (4 by default): unbounded, a burst of logins starves every other file and DNS operation of the
 * process and can exhaust its memory. Work beyond `concurrency` waits in a queue of `queueLimit`;
 * beyond that it is refused at once, before any hashing, so a flood costs nothing but the refusal.
 */
export class HashingGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new Error(`HashingGate: concurrency must be a positive integer, got ${concurrency}`);
    if (!Number.isInteger(queueLimit) || queueLimit < 0)
      throw new Error(`HashingGate: queueLimit must be a non-negative integer, got ${queueLimit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new PasswordHashingBusyError(1);
      await new Promise<void>((turn) => this.waiting.push(turn));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so a newcomer cannot overtake the queue.
      if (next) next();
      else this.running--;
    }
  }
}
