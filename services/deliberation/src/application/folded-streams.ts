import { toDomainEvent, type Decider, type DomainEvent, type EventStore } from '@gongzhi/eventsourcing';

interface Folded<State> {
  readonly version: number;
  readonly state: State;
}

/**
 * The state of recently used streams, kept folded in memory and brought up to date on each use by reading
 * only the events after the cached version: one small read instead of the whole stream. A topic open for a
 * vote carries its roll (every eligible resident) in its OpenVoting event, so reading and folding it again
 * for every ballot would cost far more than the ballot. Events are never changed once stored, so a cached
 * prefix stays exact; a read that does not continue it (a store reset under a running process) refolds.
 */
export class FoldedStreams<State, Event extends DomainEvent> {
  private readonly entries = new Map<string, Folded<State>>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Pick<Decider<State, never, Event, never>, 'evolve' | 'initialState'>,
    private readonly capacity = 1_000,
  ) {}

  async current(streamId: string): Promise<State> {
    const cached = this.entries.get(streamId);
    const from = cached ? cached.version + 1 : 1;
    const { streamVersion, events } = await this.store.readStream(streamId, { fromVersion: from });
    if (cached && streamVersion === cached.version && events.length === 0) return cached.state;
    const continues = events.every((event, i) => event.streamVersion === from + i);
    if (!continues || (cached && streamVersion < cached.version)) {
      this.entries.delete(streamId);
      return this.foldAll(streamId);
    }
    const state = events.map((e) => toDomainEvent<Event>(e)).reduce(this.decider.evolve, cached?.state ?? this.decider.initialState());
    this.remember(streamId, { version: events.length > 0 ? events[events.length - 1].streamVersion : (cached?.version ?? 0), state });
    return state;
  }

  private async foldAll(streamId: string): Promise<State> {
    const { events } = await this.store.readStream(streamId);
    const state = events.map((e) => toDomainEvent<Event>(e)).reduce(this.decider.evolve, this.decider.initialState());
    if (events.length > 0) this.remember(streamId, { version: events[events.length - 1].streamVersion, state });
    return state;
  }

  private remember(streamId: string, folded: Folded<State>): void {
    // Re-inserting moves the stream to the newest end, so the oldest-used goes first when the map is full.
    this.entries.delete(streamId);
    this.entries.set(streamId, folded);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
