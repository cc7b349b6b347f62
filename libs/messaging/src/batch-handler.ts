import type { ConsumerDefinition, StartConsumerOptions } from './consumer-definition';
import type { BatchEffect, EventEffect } from './consumer-state-store';
import type { ParseResult } from './event-parser';
import { isTransientFailure } from './transient-failure';

export interface ParsedItem<Event, Source = unknown> {
  readonly event?: Event;
  /** Set when the message failed its contract; the item is dead-lettered as it is. */
  readonly invalid?: string;
  /** The message as it came (a Kafka message, a recorded event), for the dead-letter queue. */
  readonly source: Source;
}

export interface DeadLetterTarget<Source> {
  send(source: Source, reason: string): Promise<void>;
}

/** How the bus lets a batch that waits out an outage know it should give up, and keep its place meanwhile. */
export interface BatchControl {
  /** False once the consumer is stopping or lost its partitions: the batch is left for a later delivery. */
  isRunning(): boolean;
  /** Called while waiting, so Kafka does not take the partitions away from a consumer that is only waiting. */
  heartbeat?(): Promise<void>;
}

/** Thrown when a batch waiting for its database is abandoned because the consumer stops: it is delivered again. */
export class ConsumerStoppedError extends Error {
  constructor(consumer: string) {
    super(`${consumer} stopped while waiting for its database; the batch will be delivered again`);
    this.name = 'ConsumerStoppedError';
  }
}

/** Longest pause between two tries while the infrastructure is away. */
const MAX_OUTAGE_DELAY_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies a batch: all of it in one transaction when it goes through; otherwise event by event, each
 * retried with backoff, so one poison message is dead-lettered and the rest still take effect. A failure of
 * the infrastructure (database or network away, see `isTransientFailure`) is not the event's: that event is
 * retried, with backoff up to 5 s, until it goes through or the consumer stops, and never dead-lettered.
 * `position` is saved with the last transaction (in-process bus); Kafka commits offsets itself.
 */
export async function handleBatch<Event extends { readonly eventId: string }, Source>(
  definition: ConsumerDefinition<Event>,
  options: StartConsumerOptions,
  items: readonly ParsedItem<Event, Source>[],
  deadLetters: DeadLetterTarget<Source>,
  position?: { readonly source: string; readonly value: number },
  control?: BatchControl,
): Promise<void> {
  const { state } = options;
  for (const item of items) {
    if (item.invalid !== undefined) await deadLetters.send(item.source, item.invalid);
  }
  const sources = new Map<Event, Source>();
  const events = items.flatMap((item) => {
    if (!item.event) return [];
    sources.set(item.event, item.source);
    return [item.event];
  });
  const effect: EventEffect<Event> | BatchEffect<Event> = definition.handleBatch
    ? { batch: (batch, manager) => definition.handleBatch!(batch, manager) }
    : (event, manager) => definition.handle(event, manager);
  try {
    await state.processBatch(definition.name, events, effect, position, definition.hasEffect?.bind(definition));
    return;
  } catch (error) {
    options.onError?.(error);
  }
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 100;
  for (const [index, event] of events.entries()) {
    const last = index === events.length - 1;
    let outage = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await state.processBatch(definition.name, [event], effect, last ? position : undefined, definition.hasEffect?.bind(definition));
        break;
      } catch (error) {
        options.onError?.(error);
        if (isTransientFailure(error)) {
          attempt = 0; // the event's own attempts start again once the infrastructure is back
          await sleep(Math.min(MAX_OUTAGE_DELAY_MS, retryDelayMs * 2 ** outage++));
          await control?.heartbeat?.();
          if (control && !control.isRunning()) throw new ConsumerStoppedError(definition.name);
          continue;
        }
        if (attempt >= maxAttempts) {
          const reason = `handler failed ${attempt} times: ${error instanceof Error ? error.message : String(error)}`;
          await deadLetters.send(sources.get(event)!, reason);
          if (last && position) await state.savePosition(definition.name, position.source, position.value);
          break;
        }
        await sleep(retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }
  if (events.length === 0 && position) await state.savePosition(definition.name, position.source, position.value);
}

export function fromParseResult<Event, Source>(parsed: ParseResult<Event>, source: Source): ParsedItem<Event, Source> {
  switch (parsed.kind) {
    case 'ok':
      return { source, event: parsed.event };
    case 'invalid':
      return { source, invalid: parsed.reason };
    case 'unknown':
      return { source };
  }
}
