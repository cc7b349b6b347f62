import type { Actor, DomainEvent, NewEvent, RecordedEvent } from './envelope';
import { ConcurrencyConflictError, WrongExpectedVersionError } from './errors';
import type { EventStore } from './event-store';
import type { DecisionContext, Decider } from './decider';
import type { FoldedStreams } from './folded-streams';

export interface CommandMetadata {
  readonly actor: Actor;
  readonly now: Date;
  readonly correlationId?: string;
  readonly causationId?: string | null;
}

export interface HandleCommandOptions<State = unknown> {
  /** Attempts in all, the first included, before a conflict is answered with ConcurrencyConflictError. */
  readonly maxAttempts?: number;
  /**
   * Where the stream's state is kept folded: the command starts from it, reading only the events after its
   * version, instead of reading and folding the whole stream. Its state must be the decider's fold.
   */
  readonly folded?: Pick<FoldedStreams<State, never>, 'currentWithVersion' | 'appended'>;
}

export interface CommandResult<State> {
  readonly state: State;
  readonly streamVersion: number;
  readonly events: readonly DomainEvent[];
  readonly lastGlobalPosition: number | null;
}

/**
 * Load, decide, append: reads the stream, folds it, decides with the injected time and actor, and
 * appends with the version it read. A concurrent writer makes the append fail; the command is then
 * decided again on the fresh state, a bounded number of times.
 */
export async function handleCommand<State, Command, Event extends DomainEvent, Context extends DecisionContext>(
  store: EventStore,
  decider: Decider<State, Command, Event, Context>,
  streamId: string,
  command: Command,
  metadata: CommandMetadata,
  context: Omit<Context, keyof DecisionContext> = {} as Omit<Context, keyof DecisionContext>,
  options: HandleCommandOptions<State> = {},
): Promise<CommandResult<State>> {
  const maxAttempts = options.maxAttempts ?? 3;
  const { folded } = options;
  const load = async (): Promise<{ streamVersion: number; state: State }> => {
    if (folded) {
      const { version, state } = await folded.currentWithVersion(streamId);
      return { streamVersion: version, state };
    }
    const { streamVersion, events: recorded } = await store.readStream(streamId);
    return { streamVersion, state: recorded.map((e) => toDomainEvent<Event>(e)).reduce(decider.evolve, decider.initialState()) };
  };
  for (let attempt = 1; ; attempt++) {
    const { streamVersion, state } = await load();
    const decisionContext = { ...context, now: metadata.now, actor: metadata.actor } as Context;
    const events = decider.decide(command, state, decisionContext);
    if (events.length === 0) return { state, streamVersion, events, lastGlobalPosition: null };
    try {
      const result = await store.appendToStream(streamId, newEventsFrom(events, metadata), { expectedVersion: streamVersion });
      const after = events.reduce(decider.evolve, state);
      // The append expected the version decided on, so the stream is now that fold followed by these events.
      if (result.streamVersion === streamVersion + events.length)
        folded?.appended(streamId, streamVersion, { version: result.streamVersion, state: after });
      return {
        state: after,
        streamVersion: result.streamVersion,
        events,
        lastGlobalPosition: result.lastGlobalPosition,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (attempt >= maxAttempts) throw new ConcurrencyConflictError(streamId, attempt);
    }
  }
}

/** A decision's events as the store takes them, stamped with the command's time, actor, correlation and causation. */
export function newEventsFrom(events: readonly DomainEvent[], metadata: CommandMetadata): NewEvent[] {
  return events.map((event) => ({
    type: event.type,
    data: event.data,
    schemaVersion: event.schemaVersion,
    occurredAt: metadata.now.toISOString(),
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    actor: metadata.actor,
  }));
}

/** Narrows a recorded event back to the domain event it carries. */
export function toDomainEvent<Event extends DomainEvent>(recorded: RecordedEvent): Event {
  return { type: recorded.type, data: recorded.data, schemaVersion: recorded.schemaVersion } as unknown as Event;
}
