import type { CityLife } from './city-life';

/** A moment of city life: the morning, the afternoon or the evening of one of the simulator's days. */
const MOMENTS = ['morning', 'afternoon', 'evening'] as const;

/**
 * Keeps the demo city moving after its history: one moment of city life at a time, each issuing the residents'
 * and staff's real requests, at most one moment in flight. `stop` lets the moment in flight finish and starts no
 * other, so the host closes on a finished request.
 */
export class CityLifeRunner {
  private moment = 0;
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly life: () => Promise<CityLife | undefined>,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** How many moments have been lived so far. */
  get moments(): number {
    return this.moment;
  }

  start(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.step()
        .catch(this.onError)
        .finally(() => this.start());
    }, this.everyMs);
    this.timer.unref();
  }

  /** Lives the next moment, after the one in flight (a test's way to drive it without waiting). */
  step(): Promise<void> {
    const next = this.inFlight.then(() => this.live());
    this.inFlight = next.catch(() => undefined);
    return next;
  }

  private async live(): Promise<void> {
    if (this.stopped) return;
    const life = await this.life();
    if (!life || this.stopped) return;
    const day = Math.floor(this.moment / MOMENTS.length);
    const moment = MOMENTS[this.moment % MOMENTS.length];
    this.moment++;
    await life[moment](day);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }
}
