import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartialDuplicateAppendError, WrongExpectedVersionError } from '@gongzhi/eventsourcing';
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

  it('commits appends asked for together as one, and answers each as if it had been alone', async () => {
    const store = SqliteEventStore.open(join(dir, 'together.sqlite'));
    let wakes = 0;
    store.onAppended(() => wakes++);
    const duplicateId = '018f0000-0000-7000-8000-000000000001';
    await store.appendToStream('case-0', [{ eventId: duplicateId, type: 'CaseReported', data: {} }]);
    wakes = 0;

    // Requests that came in together: none awaits the others before asking.
    const outcomes = await Promise.allSettled([
      store.appendToStream('case-1', [{ type: 'CaseReported', data: { n: 1 } }], { expectedVersion: 'no_stream' }),
      store.appendToStream('case-1', [{ type: 'CaseReported', data: { n: 2 } }], { expectedVersion: 'no_stream' }),
      store.appendToStream('case-2', [{ type: 'CaseReported', data: { n: 3 } }]),
      store.appendToStream('case-1', [{ type: 'CaseAccepted', data: { n: 4 } }], { expectedVersion: 1 }),
      store.appendToStream('case-3', [
        { type: 'CaseReported', data: { n: 5 } },
        { eventId: duplicateId, type: 'CaseReported', data: {} },
      ]),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((outcomes[4] as PromiseRejectedResult).reason).toBeInstanceOf(PartialDuplicateAppendError);
    // In the order asked, each after the one before it; the refused ones left nothing behind.
    const answers = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(answers.map((a) => a.streamVersion)).toEqual([1, 1, 2]);
    expect(answers.map((a) => a.lastGlobalPosition)).toEqual([2, 3, 4]);
    expect((await store.readAll({ after: 1 })).map((e) => [e.streamId, e.data])).toEqual([
      ['case-1', { n: 1 }],
      ['case-2', { n: 3 }],
      ['case-1', { n: 4 }],
    ]);
    expect(await store.readStream('case-3')).toMatchObject({ streamExists: false, events: [] });
    // Tailing readers are woken once for the whole group.
    expect(wakes).toBe(1);
    await store.close();
  });

  it('stores an append asked for just before the store closes', async () => {
    const file = join(dir, 'closing.sqlite');
    const store = SqliteEventStore.open(file);
    const appended = store.appendToStream('case-1', [{ type: 'CaseReported', data: {} }]);
    await store.close();
    await expect(appended).resolves.toMatchObject({ streamVersion: 1 });
    const reopened = SqliteEventStore.open(file);
    expect((await reopened.readStream('case-1')).streamVersion).toBe(1);
    await reopened.close();
  });

  it('answers every append of a group and wakes every other reader even when one wake listener throws', async () => {
    const thrown: unknown[] = [];
    const store = SqliteEventStore.open(join(dir, 'listener-throws.sqlite'), { onListenerError: (error) => thrown.push(error) });
    const woken: string[] = [];
    store.onAppended(() => woken.push('first'));
    store.onAppended(() => {
      throw new Error('a broken listener');
    });
    store.onAppended(() => woken.push('third'));

    const answers = await Promise.all([
      store.appendToStream('case-1', [{ type: 'CaseReported', data: {} }]),
      store.appendToStream('case-2', [{ type: 'CaseReported', data: {} }]),
    ]);

    expect(answers.map((a) => a.lastGlobalPosition)).toEqual([1, 2]);
    expect(woken).toEqual(['first', 'third']);
    expect(thrown).toEqual([new Error('a broken listener')]);
    await store.close();
  });

  it('hands every tailing reader each event, also those another connection appended after its last read', async () => {
    const file = join(dir, 'two-writers.sqlite');
    const host = SqliteEventStore.open(file);
    const other = SqliteEventStore.open(file);
    await host.appendToStream('case-1', [{ type: 'CaseReported', data: { n: 1 } }]);
    const first = await host.readAll({ after: 0, limit: 500 });
    await other.appendToStream('case-2', [{ type: 'CaseReported', data: { n: 2 } }]);
    await host.appendToStream('case-1', [{ type: 'CaseAccepted', data: {} }], { expectedVersion: 1 });

    const projector = await host.readAll({ after: 0, limit: 500 });
    const policy = await host.readAll({ after: first[0].globalPosition, limit: 1 });
    expect(projector.map((e) => [e.globalPosition, e.streamId, e.type])).toEqual([
      [1, 'case-1', 'CaseReported'],
      [2, 'case-2', 'CaseReported'],
      [3, 'case-1', 'CaseAccepted'],
    ]);
    expect(policy.map((e) => e.globalPosition)).toEqual([2]);
    expect((await host.readAll({ after: 2 })).map((e) => e.globalPosition)).toEqual([3]);
    await other.close();
    await host.close();
  });

  it('tells a reader already up to date the version and nothing more, and one behind what another connection appended', async () => {
    const file = join(dir, 'up-to-date.sqlite');
    const host = SqliteEventStore.open(file);
    const other = SqliteEventStore.open(file);
    await host.appendToStream('points-r1', [
      { type: 'PointsAwarded', data: { n: 1 } },
      { type: 'PointsAwarded', data: { n: 2 } },
    ]);
    await expect(host.readStream('points-r1', { fromVersion: 3 })).resolves.toEqual({ streamExists: true, streamVersion: 2, events: [] });
    await other.appendToStream('points-r1', [{ type: 'RewardRedeemed', data: { n: 3 } }], { expectedVersion: 2 });
    const behind = await host.readStream('points-r1', { fromVersion: 3 });
    expect([behind.streamVersion, behind.events.map((e) => [e.streamVersion, e.type])]).toEqual([3, [[3, 'RewardRedeemed']]]);
    await expect(host.readStream('points-r2', { fromVersion: 1 })).resolves.toEqual({ streamExists: false, streamVersion: 0, events: [] });
    await other.close();
    await host.close();
  });

  it('hands readers events none of them can change for the others', async () => {
    const store = SqliteEventStore.open(join(dir, 'shared.sqlite'));
    await store.appendToStream('case-1', [{ type: 'CaseReported', data: { photos: ['p-1'] } }]);
    const [seen] = await store.readAll();
    expect(() => (seen.data as { photos: string[] }).photos.push('p-2')).toThrow(TypeError);

    expect((await store.readAll())[0].data).toEqual({ photos: ['p-1'] });
    await store.close();
  });
});
