import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '@gongzhi/testing';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEventStoreContract('SQLite', { open: async () => SqliteEventStore.open(join(dir, 'events.sqlite')) });

describe('SQLite event store file', () => {
  it('keeps its events when the file is opened again (a restart)', async () => {
    const file = join(dir, 'restart.sqlite');
    const first = SqliteEventStore.open(file);
    await first.appendToStream('case-1', [{ type: 'CaseReported', data: { n: 1 } }]);
    await first.close();

    const second = SqliteEventStore.open(file);
    const { streamVersion, events } = await second.readStream('case-1');
    await second.appendToStream('case-1', [{ type: 'CaseAccepted', data: {} }], { expectedVersion: 1 });
    expect(streamVersion).toBe(1);
    expect(events[0].data).toEqual({ n: 1 });
    expect((await second.readAll()).map((e) => e.type)).toEqual(['CaseReported', 'CaseAccepted']);
    await second.close();
  });
});
