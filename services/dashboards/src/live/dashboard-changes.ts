import { Subject, type Observable } from 'rxjs';
import type { Figure } from '../projectors/dashboard-projector';

export interface DashboardChange {
  /** The groups of figures that moved since the last message. */
  readonly figures: readonly Figure[];
  readonly at: string;
}

/**
 * Turns applied batches into "changed" messages for the live stream, at most one per `intervalMs`
 * (the first at once, later ones gathered): a burst of thousands of events is a handful of messages,
 * and a city dashboard refetches only the views whose figures moved.
 */
export class DashboardChanges {
  private readonly subject = new Subject<DashboardChange>();
  private readonly pending = new Set<Figure>();
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = 0;

  constructor(
    private readonly intervalMs = 500,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get changes(): Observable<DashboardChange> {
    return this.subject.asObservable();
  }

  moved(figures: Iterable<Figure>): void {
    for (const figure of figures) this.pending.add(figure);
    if (this.pending.size === 0 || this.timer) return;
    const wait = Math.max(0, this.lastSentAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.subject.complete();
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const figures = [...this.pending].sort();
    this.pending.clear();
    this.lastSentAt = Date.now();
    this.subject.next({ figures, at: this.clock().toISOString() });
  }
}
