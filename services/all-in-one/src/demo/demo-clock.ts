import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '@gongzhi/eventsourcing';

/** A clock a demo can move: what the demo clock route and the history builder need of one (ManualClock fits too). */
export interface MovableClock extends Clock {
  set(at: Date | string): void;
}

interface SavedDemoClock {
  readonly offsetMs: number;
}

/**
 * The platform's clock in demo mode: the machine's time plus an offset an admin moved it by, kept in the data
 * folder so a restart never sends the city back in time. While the history is built it stands still at the
 * simulated instant the builder sets (`pin`), and is let go to the real time when the history has caught up.
 */
export class DemoClock implements MovableClock {
  private pinned: number | null = null;

  private constructor(
    private readonly file: string,
    private offsetMs: number,
    private readonly real: () => number,
  ) {}

  static open(dataDir: string, real: () => number = () => Date.now()): DemoClock {
    const file = join(dataDir, 'demo-clock.json');
    const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SavedDemoClock) : { offsetMs: 0 };
    return new DemoClock(file, Number.isFinite(saved.offsetMs) ? saved.offsetMs : 0, real);
  }

  now(): Date {
    return new Date(this.pinned ?? this.real() + this.offsetMs);
  }

  /** Stands still at `at` (the history builder's simulated instant) until `release`. */
  pin(at: Date | string): void {
    this.pinned = new Date(at).getTime();
  }

  /** Runs with the machine's time again (plus the saved offset). */
  release(): void {
    this.pinned = null;
  }

  /** Moves to `at`: pinned there while pinned, else by changing the saved offset. Never backwards. */
  set(at: Date | string): void {
    const target = new Date(at).getTime();
    if (target < this.now().getTime()) throw new Error(`the demo clock only moves forward (asked for ${new Date(at).toISOString()})`);
    if (this.pinned !== null) {
      this.pinned = target;
      return;
    }
    this.offsetMs = target - this.real();
    writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs } satisfies SavedDemoClock), { mode: 0o600 });
  }
}
