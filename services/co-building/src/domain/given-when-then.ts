import { publicEvents } from '@gongzhi/contracts';
import { DomainError, type Actor, type DecisionContext, type Decider, type DomainEvent } from '@gongzhi/eventsourcing';

/**
 * Emmett-style decider specs: `given([events]).when(command, context).then([events])` or `.thenThrows(code)`.
 * `then` also checks that every emitted event honours its public contract (publicEvents.parse).
 * Test-only, but pure, so it lives beside the deciders.
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
            then(expected: readonly Event[]) {
              const emitted = run();
              expect(emitted).toEqual(expected);
              for (const [i, e] of emitted.entries()) {
                const parsed = publicEvents.parse({
                  eventId: '0192d4e0-7c1a-7000-8000-000000000001',
                  type: e.type,
                  schemaVersion: e.schemaVersion ?? 1,
                  streamId: 'stream-1',
                  streamVersion: events.length + i + 1,
                  occurredAt: full.now.toISOString(),
                  data: e.data,
                });
                expect({ type: e.type, kind: parsed.kind, reason: parsed.kind === 'invalid' ? parsed.reason : undefined }).toEqual({
                  type: e.type,
                  kind: 'ok',
                  reason: undefined,
                });
              }
            },
            thenThrows(code: string) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
