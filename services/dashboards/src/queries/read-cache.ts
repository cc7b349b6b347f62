import { jsonBodyOf, type JsonBody } from '@gongzhi/platform';

/**
 * Figures aggregated over every case cost the same for each of a thousand readers of the city dashboard, and
 * they only move when a projector commits. A read is kept until the live stream next says figures moved
 * (`invalidate`: at most twice a second, however many batches commit meanwhile) or until it is `maxAgeMs` old by the dashboards' clock (an open case turns overdue without any event), and
 * readers asking at once share one computation. Only for answers that are the same for every reader.
 */
export class ReadCache {
  private readonly entries = new Map<string, { readonly version: number; readonly at: number; readonly value: Promise<unknown> }>();
  private version = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxAgeMs = 1_000,
    private readonly maxEntries = 256,
  ) {}

  /** A projector committed (or a rebuild emptied) read models: every kept read is stale. */
  invalidate(): void {
    this.version++;
    this.entries.clear();
  }

  /** As `read`, kept serialised: a large answer (the SLA of every grid) is not turned into JSON again per reader. */
  readJson(key: string, compute: () => Promise<unknown>): Promise<JsonBody> {
    return this.read(`json ${key}`, async () => jsonBodyOf(await compute()));
  }

  read<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.now();
    const kept = this.entries.get(key);
    if (kept && kept.version === this.version && now - kept.at < this.maxAgeMs && now >= kept.at) return kept.value as Promise<T>;
    // Queries differ by their parameters; an unbounded number of them must not grow the heap.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const version = this.version;
    const value = compute();
    this.entries.set(key, { version, at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
