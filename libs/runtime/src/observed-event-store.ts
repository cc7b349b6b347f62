import {
  appendToStreams,
  readAllSerialised,
  readStreams,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type SerialisedEvent,
  type StreamAppend,
  type StreamAppendOutcome,
} from '@gongzhi/eventsourcing';
import { currentCorrelationId } from '@gongzhi/platform';

/**
 * A service's store as its code sees it: events appended while an HTTP request (or a consumer's event) is
 * being handled carry that request's correlation id unless the command named one, and every event really
 * written is reported (the `gongzhi_events_appended_total` counter).
 */
export class ObservedEventStore implements EventStore {
  /** Set by the host once the metrics exist. */
  onWritten?: (events: readonly NewEvent[]) => void;

  constructor(private readonly inner: EventStore) {}

  async appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const correlated = this.correlated(events);
    const result = await this.inner.appendToStream(streamId, correlated, options);
    if (result.written > 0) this.onWritten?.(correlated);
    return result;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]> {
    const correlated = appends.map((append) => ({ ...append, events: this.correlated(append.events) }));
    const outcomes = await appendToStreams(this.inner, correlated);
    outcomes.forEach((outcome, i) => {
      if (outcome.ok && outcome.result.written > 0) this.onWritten?.(correlated[i].events);
    });
    return outcomes;
  }

  private correlated(events: readonly NewEvent[]): readonly NewEvent[] {
    const correlationId = currentCorrelationId();
    return correlationId ? events.map((event) => (event.correlationId ? event : { ...event, correlationId })) : events;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult> {
    return this.inner.readStream(streamId, options);
  }

  readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, ReadStreamResult>> {
    return readStreams(this.inner, streamIds);
  }

  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  readAllSerialised(options: ReadAllOptions = {}): Promise<readonly SerialisedEvent[]> {
    return readAllSerialised(this.inner, options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  onAppended(listener: () => void): () => void {
    return this.inner.onAppended?.(listener) ?? (() => undefined);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
