import {
  readAllSerialised,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type SerialisedEvent,
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
    const correlationId = currentCorrelationId();
    const correlated = correlationId ? events.map((event) => (event.correlationId ? event : { ...event, correlationId })) : events;
    const result = await this.inner.appendToStream(streamId, correlated, options);
    if (result.written > 0) this.onWritten?.(correlated);
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult> {
    return this.inner.readStream(streamId, options);
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
