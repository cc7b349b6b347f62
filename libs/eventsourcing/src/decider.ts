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
