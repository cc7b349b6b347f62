import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import { DurableScheduler } from './durable-scheduler';
import { ScheduledCommand } from './scheduled-command.entity';
import { platformDataSource } from '@gongzhi/persistence';

describe('durable scheduler', () => {
  let dir: string;
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-11-26T09:00:00Z'));
  const fired: string[] = [];
  const handlers = { 'acknowledge-deadline': async (payload: unknown) => void fired.push((payload as { caseId: string }).caseId) };
  const open = () =>
    platformDataSource({
      type: 'better-sqlite3',
      database: join(dir, 'timers.sqlite'),
      entities: [ScheduledCommand],
      synchronize: true,
    }).initialize();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongzhi-timers-'));
    dataSource = await open();
    fired.length = 0;
    clock.set('2026-11-26T09:00:00Z');
  });
  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires a deadline once when the clock passes it, not before', async () => {
    const scheduler = new DurableScheduler({ dataSource, clock, handlers });
    await scheduler.schedule('case-1:ack', new Date('2026-11-26T09:30:00Z'), 'acknowledge-deadline', { caseId: 'case-1' });
    clock.advance({ minutes: 29 });
    expect(await scheduler.fireDue()).toBe(0);
    clock.advance({ minutes: 1 });
    expect(await scheduler.fireDue()).toBe(1);
    expect(await scheduler.fireDue()).toBe(0);
    expect(fired).toEqual(['case-1']);
  });

  it('keeps its deadlines across a restart and fires each once', async () => {
    const before = new DurableScheduler({ dataSource, clock, handlers });
    await before.schedule('case-2:ack', new Date('2026-11-26T09:30:00Z'), 'acknowledge-deadline', { caseId: 'case-2' });
    await before.schedule('case-3:ack', new Date('2026-11-26T10:30:00Z'), 'acknowledge-deadline', { caseId: 'case-3' });
    clock.advance({ minutes: 45 });
    await before.fireDue();
    await dataSource.destroy();

    dataSource = await open();
    const after = new DurableScheduler({ dataSource, clock, handlers });
    clock.advance({ hours: 2 });
    await after.fireDue();
    await after.fireDue();
    expect(fired).toEqual(['case-2', 'case-3']);
  });

  it('scheduling the same id again moves the deadline instead of adding one; a cancelled one never fires', async () => {
    const scheduler = new DurableScheduler({ dataSource, clock, handlers });
    await scheduler.schedule('case-4:ack', new Date('2026-11-26T09:10:00Z'), 'acknowledge-deadline', { caseId: 'case-4' });
    await scheduler.schedule('case-4:ack', new Date('2026-11-26T09:40:00Z'), 'acknowledge-deadline', { caseId: 'case-4' });
    await scheduler.schedule('case-5:ack', new Date('2026-11-26T09:10:00Z'), 'acknowledge-deadline', { caseId: 'case-5' });
    await scheduler.cancel('case-5:ack');
    clock.advance({ minutes: 20 });
    expect(await scheduler.fireDue()).toBe(0);
    clock.advance({ minutes: 20 });
    expect(await scheduler.fireDue()).toBe(1);
    expect(fired).toEqual(['case-4']);
    expect(await scheduler.pending()).toEqual([]);
  });

  it('tries a failing timer again on the next pass and keeps the last error', async () => {
    let failures = 1;
    const scheduler = new DurableScheduler({
      dataSource,
      clock,
      handlers: {
        flaky: async () => {
          if (failures-- > 0) throw new Error('store unavailable');
          fired.push('flaky');
        },
      },
    });
    await scheduler.schedule('t', new Date('2026-11-26T09:00:00Z'), 'flaky', {});
    expect(await scheduler.fireDue()).toBe(0);
    expect((await scheduler.pending())[0]).toMatchObject({ attempts: 1, lastError: 'store unavailable' });
    expect(await scheduler.fireDue()).toBe(1);
    expect(fired).toEqual(['flaky']);
  });

  it('set again, a fired timer stays fired, a cancelled one fires after all, and a failing one keeps its attempts', async () => {
    let failures = 1;
    const scheduler = new DurableScheduler({
      dataSource,
      clock,
      handlers: {
        ...handlers,
        flaky: async () => {
          if (failures-- > 0) throw new Error('store unavailable');
        },
      },
    });
    const at = new Date('2026-11-26T09:05:00Z');
    await scheduler.schedule('case-6:ack', at, 'acknowledge-deadline', { caseId: 'case-6' });
    await scheduler.schedule('case-7:ack', at, 'acknowledge-deadline', { caseId: 'case-7' });
    await scheduler.cancel('case-7:ack');
    await scheduler.schedule('flaky', at, 'flaky', {});
    clock.advance({ minutes: 10 });
    expect(await scheduler.fireDue()).toBe(1);
    expect(fired).toEqual(['case-6']);

    await scheduler.schedule('case-6:ack', new Date('2026-11-26T09:20:00Z'), 'acknowledge-deadline', { caseId: 'case-6' });
    await scheduler.schedule('case-7:ack', new Date('2026-11-26T09:20:00Z'), 'acknowledge-deadline', { caseId: 'case-7' });
    await scheduler.schedule('flaky', new Date('2026-11-26T09:21:00Z'), 'flaky', { again: true });
    expect((await scheduler.pending()).map((t) => [t.id, t.attempts, t.lastError])).toEqual([
      ['case-7:ack', 0, null],
      ['flaky', 1, 'store unavailable'],
    ]);
    clock.advance({ minutes: 15 });
    expect(await scheduler.fireDue()).toBe(2);
    expect(fired).toEqual(['case-6', 'case-7']);
  });

  it('refuses a timer of a kind nobody handles', async () => {
    const scheduler = new DurableScheduler({ dataSource, clock, handlers });
    await expect(scheduler.schedule('x', clock.now(), 'unknown', {})).rejects.toThrow('No timer handler for kind unknown');
  });
});
