import { subscribeToAll, type EventStore, type RecordedEvent, type Subscription } from '@gongzhi/eventsourcing';
import { fromParseResult, handleBatch } from './batch-handler';
import type { ConsumerDefinition, EventBus, RunningConsumer, StartConsumerOptions } from './consumer-definition';

export interface InProcessEventBusOptions {
  /** Each topic is the global log of the store of the service that owns it. */
  readonly topics: Readonly<Record<string, EventStore>>;
  readonly batchSize?: number;
  readonly idleDelayMs?: number;
  /** Longest wait between two polls of an idle log whose store wakes its tails on append; 1 s by default. */
  readonly maxIdleDelayMs?: number;
  /** How long a woken consumer gathers appends before it applies them in one transaction; 10 ms by default. */
  readonly wakeLingerMs?: number;
  /** The longest linger of a consumer whose appends keep coming, which gathers more of them per transaction; 100 ms by default. */
  readonly maxWakeLingerMs?: number;
}

/**
 * The embedded default's bus, with Kafka's guarantees and none of its moving parts: each consumer tails
 * the stores' global logs from its own position, which it saves in the transaction that applies the
 * events. Invalid events are dead-lettered to the consumer's database.
 */
export class InProcessEventBus implements EventBus {
  private readonly tails = new Set<Subscription>();

  constructor(private readonly options: InProcessEventBusOptions) {}

  /**
   * Has every consumer woken by an append read its logs now rather than after its linger for more appends: for a
   * caller that waits for the consumers to catch up while nothing else appends (the demo clock).
   */
  hurry(): void {
    this.tails.forEach((tail) => tail.hurry());
  }

  async start<Event extends { readonly eventId: string; readonly recordedAt?: string }>(
    definition: ConsumerDefinition<Event>,
    options: StartConsumerOptions,
  ): Promise<RunningConsumer> {
    const subscriptions: Subscription[] = [];
    let running = true;
    for (const topic of definition.topics) {
      const store = this.options.topics[topic];
      if (!store) throw new Error(`No event store serves topic ${topic} in this process`);
      const source = `log:${topic}`;
      const after = (await options.state.position(definition.name, source)) ?? 0;
      const subscription = subscribeToAll(store, {
        after,
        batchSize: this.options.batchSize ?? 500,
        idleDelayMs: this.options.idleDelayMs ?? 50,
        // Local appends wake the tail, so polling an idle log often only finds nothing; a store that cannot
        // wake it is polled at the idle delay, as before.
        maxIdleDelayMs: store.onAppended ? (this.options.maxIdleDelayMs ?? 1_000) : undefined,
        wakeLingerMs: this.options.wakeLingerMs ?? 10,
        maxWakeLingerMs: this.options.maxWakeLingerMs ?? 100,
        onError: options.onError,
        onEvents: async (events) => {
          const items = events.map((event) => fromParseResult(definition.parser.parse(event), event));
          const last = events[events.length - 1];
          await handleBatch(
            definition,
            options,
            items,
            {
              send: (event: RecordedEvent, reason) =>
                options.state.deadLetter({
                  consumer: definition.name,
                  source,
                  eventId: event.eventId,
                  reason,
                  payload: JSON.stringify(event),
                }),
            },
            { source, value: last.globalPosition },
            { isRunning: () => running },
          );
          const head = await store.headPosition();
          options.onProgress?.({ source, lagEvents: Math.max(0, head - last.globalPosition), lastRecordedAt: last.recordedAt });
        },
      });
      subscriptions.push(subscription);
      this.tails.add(subscription);
    }
    const tails = this.tails;
    return {
      async stop() {
        running = false;
        await Promise.all(subscriptions.map((s) => s.stop()));
        subscriptions.forEach((s) => tails.delete(s));
      },
    };
  }
}
