import type { Actor, DomainEvent } from './envelope';

/** What a decision may depend on besides the command and the state: injected, never read from globals. */
export interface DecisionContext {
  readonly now: Date;
  readonly actor: Actor;
}

/**
 * Pure domain logic: the same command, state and context always give the same events.
 * `decide` throws a DomainError when the command is not allowed in this state.
 */
export interface Decider<State, Command, Event extends DomainEvent, Context extends DecisionContext = DecisionContext> {
  decide(command: Command, state: State, context: Context): readonly Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, never, Event, never>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Time as the platform sees it: injected everywhere, so tests move it instead of waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date('2026-11-26T09:00:00.000Z')) {}

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(by: { minutes?: number; hours?: number; days?: number; seconds?: number }): void {
    const ms = (by.seconds ?? 0) * 1e3 + (by.minutes ?? 0) * 6e4 + (by.hours ?? 0) * 36e5 + (by.days ?? 0) * 864e5;
    this.current = new Date(this.current.getTime() + ms);
  }
}
