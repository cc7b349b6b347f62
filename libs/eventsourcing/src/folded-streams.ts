import { toDomainEvent } from './command-handler';
import type { Decider } from './decider';
import type { DomainEvent } from './envelope';
import type { EventStore } from './event-store';

/** A stream's state and the stream version it is the fold of (0 for a stream with no events). */
export interface Folded<State> {
  readonly version: number;
  readonly state: State;
}

/** A stream's read under way, and the one that follows it for the callers that came meanwhile. */
interface Flight<State> {
  readonly running: Promise<Folded<State>>;
  next?: Promise<Folded<State>>;
  startNext?: () => void;
}

/**
 * The state of recently used streams, kept folded in memory and brought up to date on each use by reading
 * only the events after the cached version: one small read instead of the whole stream. A topic open for a
 * vote carries its roll (every eligible resident) in its OpenVoting event, so reading and folding it again
 * for every ballot would cost far more than the ballot. Events are never changed once stored, so a cached
 * prefix stays exact; a read that does not continue it (a store reset under a running process) refolds.
 * Callers of one stream share reads: whoever comes while a read is under way waits for the next one, which
 * starts when that read ends, so every caller still gets a state read after it asked, with one round trip
 * for all of them instead of one each.
 */
export class FoldedStreams<State, Event extends DomainEvent> {
  private readonly entries = new Map<string, Folded<State>>();
  private readonly flights = new Map<string, Flight<State>>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Pick<Decider<State, never, Event, never>, 'evolve' | 'initialState'>,
    private readonly capacity = 1_000,
  ) {}

  async current(streamId: string): Promise<State> {
    return (await this.currentWithVersion(streamId)).state;
  }

  /**
   * The state together with the stream version it folds, read after this call began: what a command decides on
   * and appends after with that version expected, so that a writer that came first makes the append fail.
   */
  currentWithVersion(streamId: string): Promise<Folded<State>> {
    const flight = this.flights.get(streamId);
    if (!flight) return this.launch(streamId);
    // The read under way may have begun before this call, so it is not enough: the next one begins after it.
    flight.next ??= new Promise<void>((start) => (flight.startNext = start)).then(() => this.launch(streamId));
    return flight.next;
  }

  /**
   * Takes the state a command's own append made, so the next use reads nothing: only when the cache holds exactly
   * the version the command decided on (the append expected it, so the stream is that fold followed by the
   * command's events). Anything else is left for the next read to bring up to date.
   */
  appended(streamId: string, decidedOn: number, folded: Folded<State>): void {
    const cached = this.entries.get(streamId);
    if ((cached?.version ?? 0) === decidedOn && folded.version > decidedOn) this.remember(streamId, folded);
  }

  private launch(streamId: string): Promise<Folded<State>> {
    const flight: Flight<State> = { running: this.refresh(streamId) };
    this.flights.set(streamId, flight);
    const ended = () => {
      if (flight.startNext) flight.startNext();
      else if (this.flights.get(streamId) === flight) this.flights.delete(streamId);
    };
    flight.running.then(ended, ended);
    return flight.running;
  }

  private async refresh(streamId: string): Promise<Folded<State>> {
    const cached = this.entries.get(streamId);
    const from = cached ? cached.version + 1 : 1;
    const { streamVersion, events } = await this.store.readStream(streamId, { fromVersion: from });
    if (cached && streamVersion === cached.version && events.length === 0) return cached;
    const continues = events.every((event, i) => event.streamVersion === from + i);
    if (!continues || (cached && streamVersion < cached.version)) {
      this.entries.delete(streamId);
      return this.foldAll(streamId);
    }
    const state = events.map((e) => toDomainEvent<Event>(e)).reduce(this.decider.evolve, cached?.state ?? this.decider.initialState());
    const folded = { version: events.length > 0 ? events[events.length - 1].streamVersion : (cached?.version ?? 0), state };
    this.remember(streamId, folded);
    return folded;
  }

  private async foldAll(streamId: string): Promise<Folded<State>> {
    const { events } = await this.store.readStream(streamId);
    const state = events.map((e) => toDomainEvent<Event>(e)).reduce(this.decider.evolve, this.decider.initialState());
    const folded = { version: events.length > 0 ? events[events.length - 1].streamVersion : 0, state };
    if (events.length > 0) this.remember(streamId, folded);
    return folded;
  }

  private remember(streamId: string, folded: Folded<State>): void {
    // Re-inserting moves the stream to the newest end, so the oldest-used goes first when the map is full.
    this.entries.delete(streamId);
    this.entries.set(streamId, folded);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
