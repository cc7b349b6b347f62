import type { DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import { platformDataSource } from '@gongzhi/persistence';
import { freshTestDatabase } from '@gongzhi/testing';
import { DurableScheduler } from './durable-scheduler';
import { ScheduledCommand } from './scheduled-command.entity';

describe('durable scheduler on PostgreSQL', () => {
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-11-26T09:00:00Z'));
  const fired: string[] = [];
  const handlers = { deadline: async (payload: unknown) => void fired.push((payload as { caseId: string }).caseId) };

  beforeAll(async () => {
    dataSource = await platformDataSource({
      type: 'postgres',
      url: await freshTestDatabase('timers'),
      entities: [ScheduledCommand],
      synchronize: true,
    }).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('moves a deadline set again, fires it once, keeps a fired one fired and a cancelled one set again due', async () => {
    const scheduler = new DurableScheduler({ dataSource, clock, handlers });
    await scheduler.schedule('case-1:ack', new Date('2026-11-26T09:10:00Z'), 'deadline', { caseId: 'case-1' });
    await scheduler.schedule('case-1:ack', new Date('2026-11-26T09:40:00Z'), 'deadline', { caseId: 'case-1' });
    await scheduler.schedule('case-2:ack', new Date('2026-11-26T09:10:00Z'), 'deadline', { caseId: 'case-2' });
    await scheduler.cancel('case-2:ack');
    clock.advance({ minutes: 20 });
    expect(await scheduler.fireDue()).toBe(0);
    clock.advance({ minutes: 20 });
    expect(await scheduler.fireDue()).toBe(1);

    await scheduler.schedule('case-1:ack', new Date('2026-11-26T10:00:00Z'), 'deadline', { caseId: 'case-1' });
    await scheduler.schedule('case-2:ack', new Date('2026-11-26T10:00:00Z'), 'deadline', { caseId: 'case-2' });
    expect((await scheduler.pending()).map((t) => [t.id, t.dueAt, t.attempts])).toEqual([['case-2:ack', '2026-11-26T10:00:00.000Z', 0]]);
    clock.advance({ minutes: 30 });
    expect(await scheduler.fireDue()).toBe(1);
    expect(fired).toEqual(['case-1', 'case-2']);
  });
});
