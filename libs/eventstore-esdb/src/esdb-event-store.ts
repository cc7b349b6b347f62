import {
  BACKWARDS,
  END,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  PartialDuplicateAppendError,
  StoreUnavailableError,
  prepareAppend,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
} from '@gongzhi/eventsourcing';
import {
  comparePositions,
  describeAddress,
  toKurrentScheme,
  fromGlobalPosition,
  isSystemEvent,
  toAppendError,
  toEventData,
  toExpectedRevision,
  toGlobalPosition,
  toRecordedEvent,
  toStoreError,
  type EsdbRecord,
} from './esdb-mapping';

export interface EventStoreDbOptions {
  /** How long `connect` waits for the server's first answer. */
  readonly connectTimeoutMs?: number;
  /** Bound on every later call: the client's reads have no deadline of their own. */
  readonly operationTimeoutMs?: number;
  /** Injected so tests control the occurred-at default; defaults to the wall clock. */
  readonly clock?: () => Date;
  /**
   * Prepended to every stream name (`grid-events/case-1`), so several services can share one server: the
   * store reads and writes only streams with its prefix, and its global log (what the relay publishes) holds
   * only its own service's events. Callers keep using the names without it.
   */
  readonly streamPrefix?: string;
}

const notFound = (): ReadStreamResult => ({ streamExists: false, streamVersion: 0, events: [] });
/** Pages of $all are at least this long, so runs of the server's own events are crossed quickly. */
const MIN_PAGE = 256;

/**
 * The distributed store: EventStoreDB over gRPC.
 *
 * Repeated event ids: an append whose caller chose its ids first reads the stream and compares. All
 * stored: answered as a repeat, nothing written; some stored: PartialDuplicateAppendError. That read is
 * the whole stream, about what a command handler reads to fold state anyway, and it is skipped for
 * generated ids, which cannot repeat. Left to the server:
 * - a concurrent append of the same ids between that read and the write: the server recognises it
 *   exactly when both carry the same expected version and, with 'any', through its cache of recent ids;
 *   it is then reported as written;
 * - the same id in another stream is another event here (the SQL stores refuse it).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly listeners = new Set<() => void>();
  private readonly timeoutMs: number;
  private readonly clock: () => Date;
  private readonly prefix: string;
  private closed?: Promise<void>;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly address: string,
    options: EventStoreDbOptions,
  ) {
    this.timeoutMs = options.operationTimeoutMs ?? 10_000;
    this.clock = options.clock ?? (() => new Date());
    this.prefix = options.streamPrefix ?? '';
  }

  /** The server's name of a stream. */
  private physical(streamId: string): string {
    return this.prefix + streamId;
  }

  /** An event of this store's streams (not another service's, not the server's own), named as callers name it. */
  private own(record: EsdbRecord): RecordedEvent | undefined {
    if (isSystemEvent(record) || !record.streamId.startsWith(this.prefix)) return undefined;
    const event = toRecordedEvent(record);
    return this.prefix ? { ...event, streamId: event.streamId.slice(this.prefix.length) } : event;
  }

  /** Connects and proves the server answers, failing with StoreUnavailableError within the deadline. */
  static async connect(connectionString: string, options: EventStoreDbOptions = {}): Promise<EventStoreDbEventStore> {
    const address = describeAddress(connectionString);
    let client: KurrentDBClient;
    try {
      client = KurrentDBClient.connectionString(toKurrentScheme(connectionString));
    } catch (error) {
      throw new Error(`Invalid EventStoreDB connection string ${address}: ${(error as Error).message}`);
    }
    const store = new EventStoreDbEventStore(client, address, options);
    try {
      await store.drain(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }), options.connectTimeoutMs ?? 5_000);
    } catch (error) {
      await client.dispose();
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(address, error);
    }
    return store;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events, this.clock());
    const expected = options.expectedVersion ?? 'any';
    const expectedRevision = toExpectedRevision(expected);
    // Only ids the caller chose can repeat, so only then is the stream searched for them.
    if (events.some((e) => e.eventId !== undefined)) {
      const stored = await this.storedEvents(this.physical(streamId));
      const repeated = prepared.filter((e) => stored.positions.has(e.eventId));
      if (repeated.length === prepared.length) {
        const lastGlobalPosition = stored.positions.get(prepared[prepared.length - 1].eventId)!;
        return { streamVersion: stored.version, lastGlobalPosition, written: 0 };
      }
      if (repeated.length > 0) throw new PartialDuplicateAppendError(streamId, repeated.map((e) => e.eventId));
    }
    const result = await this.within(
      this.client.appendToStream(this.physical(streamId), prepared.map(toEventData), { streamState: expectedRevision, deadline: this.timeoutMs }),
    ).catch((error: unknown) => {
      throw toAppendError(error, streamId, expected, prepared);
    });
    const last = result.nextExpectedRevision;
    this.listeners.forEach((listener) => listener());
    return {
      streamVersion: Number(last) + 1,
      // The server reports the log position of the append's last event, the one $all shows for it.
      lastGlobalPosition: result.position ? toGlobalPosition(result.position) : await this.positionOf(this.physical(streamId), last),
      written: prepared.length,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const fromVersion = Math.max(1, options.fromVersion ?? 1);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    try {
      const resolved =
        maxCount > 0
          ? await this.drain(this.client.readStream(this.physical(streamId), { fromRevision: BigInt(fromVersion - 1), maxCount }))
          : [];
      const records = resolved.flatMap((r) => (r.event ? [r.event] : []));
      const events = records.flatMap((r) => this.own(r) ?? []);
      // A short read ended at the tail; otherwise the tail lies beyond what was asked for.
      const tail =
        records.length > 0 && records.length < maxCount
          ? records[records.length - 1].revision
          : await this.tailRevision(this.physical(streamId));
      return tail < 0n ? notFound() : { streamExists: true, streamVersion: Number(tail) + 1, events };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return notFound();
      throw error;
    }
  }

  /**
   * Reads $all forwards from `after`. The server only serves events it has indexed, and indexes them in
   * log order, so nothing can later appear behind a position this returned: it is safe to checkpoint.
   * The server's own events and other services' are skipped but still advance the cursor, so a long run of
   * them (stats, projections, a busy neighbour) never leaves a tail stuck re-reading the same window.
   */
  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const pageSize = Math.min(Math.max(limit, MIN_PAGE), 4096);
    const found: RecordedEvent[] = [];
    let cursor = fromGlobalPosition(after);
    let fromPosition: ReadPosition = after === 0 ? START : cursor;
    while (found.length < limit) {
      const page: AllStreamResolvedEvent[] = await this.drain(this.client.readAll({ fromPosition, maxCount: pageSize }));
      let advanced = false;
      for (const { event } of page) {
        if (!event || comparePositions(event.position, cursor) <= 0) continue;
        cursor = event.position;
        advanced = true;
        const own = this.own(event);
        if (own) found.push(own);
        if (found.length === limit) break;
      }
      if (page.length < pageSize || !advanced) break;
      fromPosition = cursor;
    }
    return found;
  }

  async headPosition(): Promise<number> {
    let fromPosition: ReadPosition = END;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await this.drain(
        this.client.readAll({ direction: BACKWARDS, fromPosition, maxCount: MIN_PAGE }),
      );
      for (const { event } of page) if (event && this.own(event)) return toGlobalPosition(event.position);
      const oldest = page[page.length - 1]?.event?.position;
      if (page.length < MIN_PAGE || !oldest) return 0;
      fromPosition = oldest;
    }
  }

  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed ??= this.client.dispose();
    return this.closed;
  }

  /** The stream's last revision, or -1 when it does not exist. */
  private async tailRevision(streamId: string): Promise<bigint> {
    try {
      const [last] = await this.drain(this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
      return last?.event?.revision ?? -1n;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return -1n;
      throw error;
    }
  }

  /** Every event id of the stream with its global position, and the stream's version. */
  private async storedEvents(streamId: string): Promise<{ version: number; positions: Map<string, number> }> {
    const positions = new Map<string, number>();
    let version = 0;
    try {
      for (const { event } of await this.drain(this.client.readStream(streamId))) {
        if (!event) continue;
        version = Number(event.revision) + 1;
        if (event.position) positions.set(event.id, toGlobalPosition(event.position));
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { version, positions };
  }

  private async positionOf(streamId: string, revision: bigint): Promise<number> {
    const [stored] = await this.drain(this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 }));
    if (!stored?.event?.position) throw new Error(`Event ${revision} of ${streamId} is not readable after its append`);
    return toGlobalPosition(stored.event.position);
  }

  /**
   * Collects a read; one that gets no answer is cut off rather than awaited forever. The KurrentDB client
   * hands reads back as async generators over its native bridge (its StreamingRead type still says
   * Readable, but there is no cancel or destroy), so the deadline races each step and the read is
   * closed by returning from it.
   */
  private async drain<E>(read: AsyncIterable<E>, timeoutMs = this.timeoutMs): Promise<E[]> {
    const iterator = read[Symbol.asyncIterator]();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(this.address, new Error(`no answer within ${timeoutMs} ms`))),
        timeoutMs,
      );
    });
    try {
      const items: E[] = [];
      for (;;) {
        const step = await Promise.race([iterator.next(), deadline]);
        if (step.done) return items;
        items.push(step.value);
      }
    } catch (error) {
      void iterator.return?.()?.catch(() => undefined);
      throw toStoreError(error, this.address);
    } finally {
      clearTimeout(timer);
    }
  }

  private async within<T>(operation: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(this.address, new Error(`no answer within ${this.timeoutMs} ms`))),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([operation, timeout]);
    } catch (error) {
      throw toStoreError(error, this.address);
    } finally {
      clearTimeout(timer);
    }
  }
}
