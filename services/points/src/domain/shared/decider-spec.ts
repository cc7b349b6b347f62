import { publicEvents } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider, type DomainEvent } from '@gongzhi/eventsourcing';

/**
 * given/when/then over a decider (Emmett's DeciderSpecification). Every event a decider emits is also
 * checked against its public contract, since the relay publishes stored events as they are.
 */
export function deciderSpec<S, C, E extends DomainEvent, X extends DecisionContext>(decider: Decider<S, C, E, X>, context: X) {
  return {
    given(events: readonly E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C, overrides: Partial<X> = {}) {
          const run = () => decider.decide(command, state, { ...context, ...overrides });
          return {
            then(expected: readonly E[]) {
              const events = run();
              expect(events).toEqual(expected);
              for (const event of events) assertContract(event);
              return events.reduce(decider.evolve, state);
            },
            thenThrows(code: string, details?: Record<string, unknown>) {
              let error: unknown;
              try {
                run();
              } catch (thrown) {
                error = thrown;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(code);
              if (details) expect((error as DomainError).details).toMatchObject(details);
            },
          };
        },
      };
    },
  };
}

export function assertContract(event: DomainEvent): void {
  const parsed = publicEvents.parse({
    eventId: '0190a1b2-0000-7000-8000-000000000000',
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    streamId: 'spec-1',
    streamVersion: 1,
    occurredAt: '2026-11-26T09:00:00.000Z',
    data: event.data,
  });
  if (parsed.kind !== 'ok') throw new Error(`${event.type} breaks its contract: ${parsed.kind === 'invalid' ? parsed.reason : 'unknown type'}`);
}
