import type { Clock } from '../clock';

/** A clock tests move by hand instead of waiting. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: string | Date = '2026-03-01T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance({ minutes = 0, seconds = 0 }: { minutes?: number; seconds?: number }): void {
    this.current += (minutes * 60 + seconds) * 1000;
  }
}
