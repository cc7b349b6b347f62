import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { DurableScheduler } from '@gongzhi/runtime';
import type { EntityManager } from 'typeorm';
import { caseDeadlinesConsumer, TIMER_KINDS } from './case-deadlines';

function setUp() {
  const scheduled: { id: string; dueAt: string; kind: string; payload: unknown }[] = [];
  const scheduler = {
    schedule: async (id: string, dueAt: Date, kind: string, payload: unknown) => {
      scheduled.push({ id, dueAt: dueAt.toISOString(), kind, payload });
    },
  } as unknown as DurableScheduler;
  const consumer = caseDeadlinesConsumer(TOPICS['grid-events'], scheduler);
  const deliver = async (type: string, data: Record<string, unknown>) => {
    const parsed = publicEvents.parse({
      eventId: '0192d4e0-7c1a-7000-8000-000000000001',
      type,
      schemaVersion: 1,
      streamId: 'case-1',
      streamVersion: 6,
      occurredAt: '2026-11-30T10:00:00.000Z',
      data,
    });
    if (parsed.kind !== 'ok') throw new Error(`${type} breaks its contract: ${JSON.stringify(parsed)}`);
    await consumer.handle(parsed.event as PublicEvent, undefined as unknown as EntityManager);
  };
  return { scheduled, deliver };
}

describe('case deadlines', () => {
  it("sets a resolution-overdue timer at a reopened case's new resolve-by time, its id holding that time", async () => {
    const { scheduled, deliver } = setUp();
    await deliver('CaseReopened', { caseId: '1', reason: '坑还在', resolveBy: '2026-12-03T10:00:00.000Z' });
    expect(scheduled).toEqual([
      {
        id: 'case-1:resolution-overdue:2026-12-03T10:00:00.000Z',
        dueAt: '2026-12-03T10:00:00.000Z',
        kind: TIMER_KINDS.resolutionOverdue,
        payload: { caseId: '1', dueAt: '2026-12-03T10:00:00.000Z' },
      },
    ]);
  });

  it('sets none for a reopening without a resolve-by time (nobody assigned, or recorded before reopenings set one)', async () => {
    const { scheduled, deliver } = setUp();
    await deliver('CaseReopened', { caseId: '1', reason: '又堵了', resolveBy: null });
    await deliver('CaseReopened', { caseId: '1', reason: '又堵了' });
    expect(scheduled).toEqual([]);
  });
});
