import { publicEvents } from '@gongzhi/contracts';
import { DomainError, type Actor, type DecisionContext, type Decider, type DomainEvent } from '@gongzhi/eventsourcing';

/**
 * Emmett-style decider specs: `given([events]).when(command, context).then([events])` or
 * `.thenThrows(code, details?)`. `then` also checks that every emitted event honours its public contract
 * (the relay publishes stored events as they are), and returns the state after them.
 */
export function deciderSpec<State, Command, Event extends DomainEvent, Context extends DecisionContext>(
  decider: Decider<State, Command, Event, Context>,
  defaults: Omit<Context, 'now' | 'actor'> & { now?: Date; actor?: Actor },
) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command, context: Partial<Context> = {}) {
          const state = events.reduce(decider.evolve, decider.initialState());
          const full = {
            now: new Date('2026-11-26T09:00:00.000Z'),
            actor: { id: 'someone', kind: 'user' },
            ...defaults,
            ...context,
          } as unknown as Context;
          const run = () => decider.decide(command, state, full);
          return {
            then(expected: readonly Event[]): State {
              const emitted = run();
              expect(emitted).toEqual(expected);
              emitted.forEach((event, i) => expectContractOf(event, events.length + i + 1, full.now));
              return emitted.reduce(decider.evolve, state);
            },
            /** Fails unless the decision is refused with `code`; returns the refusal so its words can be checked too. */
            thenThrows(code: string, details?: Record<string, unknown>): DomainError {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
              if (details) expect((thrown as DomainError).details).toMatchObject(details);
              return thrown as DomainError;
            },
          };
        },
      };
    },
  };
}

/** Fails the test when a domain event would not pass its public contract. */
export function expectContractOf(event: DomainEvent, streamVersion = 1, at = new Date('2026-11-26T09:00:00.000Z')): void {
  const parsed = publicEvents.parse({
    eventId: '0192d4e0-7c1a-7000-8000-000000000001',
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    streamId: 'stream-1',
    streamVersion,
    occurredAt: at.toISOString(),
    data: event.data,
  });
  expect({ type: event.type, kind: parsed.kind, reason: parsed.kind === 'invalid' ? parsed.reason : undefined }).toEqual({
    type: event.type,
    kind: 'ok',
    reason: undefined,
  });
}
