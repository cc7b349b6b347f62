import {
  PartialDuplicateAppendError,
  WrongExpectedVersionError,
  expectedVersionMatches,
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

/** An event store in memory, for unit tests only. It passes the same contract suite as the real adapters. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const now = this.clock();
    const prepared = prepareAppend(streamId, events, now);
    const stream = this.streams.get(streamId) ?? [];
    const duplicates = prepared.filter((e) => this.byId.has(e.eventId));
    if (duplicates.length === prepared.length) {
      const last = this.byId.get(prepared[prepared.length - 1].eventId)!;
      return { streamVersion: stream.length, lastGlobalPosition: last.globalPosition, written: 0 };
    }
    if (duplicates.length > 0)
      throw new PartialDuplicateAppendError(
        streamId,
        duplicates.map((e) => e.eventId),
      );
    const expected = options.expectedVersion ?? 'any';
    if (!expectedVersionMatches(expected, stream.length)) throw new WrongExpectedVersionError(streamId, expected, stream.length);
    const recordedAt = now.toISOString();
    for (const event of prepared) {
      const recorded: RecordedEvent = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        streamId,
        streamVersion: stream.length + 1,
        globalPosition: this.log.length + 1,
        occurredAt: event.occurredAt,
        recordedAt,
        correlationId: event.correlationId,
        causationId: event.causationId,
        actor: event.actor,
        data: JSON.parse(event.dataJson),
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.byId.set(recorded.eventId, recorded);
    }
    this.streams.set(streamId, stream);
    this.listeners.forEach((listener) => listener());
    return { streamVersion: stream.length, lastGlobalPosition: this.log.length, written: prepared.length };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const stream = this.streams.get(streamId) ?? [];
    const from = Math.max(1, options.fromVersion ?? 1);
    const events = stream.slice(from - 1, options.maxCount === undefined ? undefined : from - 1 + options.maxCount);
    return { streamExists: stream.length > 0, streamVersion: stream.length, events };
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const after = options.after ?? 0;
    return this.log.slice(after, options.limit === undefined ? undefined : after + options.limit);
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
