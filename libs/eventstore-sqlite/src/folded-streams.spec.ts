import {
  ConcurrencyConflictError,
  DomainError,
  FoldedStreams,
  handleCommand,
  SYSTEM_ACTOR,
  type DomainEvent,
} from '@gongzhi/eventsourcing';
import { SqliteEventStore } from './sqlite-event-store';

type Noted = DomainEvent & { type: 'Noted'; data: { word: string } };
const words = { evolve: (state: string[], event: Noted) => [...state, event.data.word], initialState: (): string[] => [] };
const note = (word: string) => ({ type: 'Noted', data: { word }, correlationId: 'c', actor: null });
/** Notes a word once: a second note of it is refused. */
const noting = {
  ...words,
  decide: (word: string, state: string[]): Noted[] => {
    if (state.includes(word)) throw new DomainError('WORD.NOTED', `${word} is noted already`);
    return [{ type: 'Noted', data: { word }, schemaVersion: 1 } as Noted];
  },
};
const metadata = { actor: SYSTEM_ACTOR, now: new Date('2026-11-26T09:00:00.000Z') };

describe('FoldedStreams', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.open(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it('sees every event appended after it cached a stream, by reading only those', async () => {
    const folded = new FoldedStreams(store, words);
    await store.appendToStream('s-1', [note('open'), note('voting')]);
    expect(await folded.current('s-1')).toEqual(['open', 'voting']);

    const reads = jest.spyOn(store, 'readStream');
    await store.appendToStream('s-1', [note('closed')]);
    expect(await folded.current('s-1')).toEqual(['open', 'voting', 'closed']);
    expect(reads).toHaveBeenCalledWith('s-1', { fromVersion: 3 });
    expect(await folded.current('s-1')).toEqual(['open', 'voting', 'closed']);
  });

  it('folds an unknown stream to the initial state and keeps streams apart', async () => {
    const folded = new FoldedStreams(store, words);
    expect(await folded.current('nothing')).toEqual([]);
    await store.appendToStream('a', [note('a1')]);
    await store.appendToStream('b', [note('b1')]);
    expect(await folded.current('a')).toEqual(['a1']);
    expect(await folded.current('b')).toEqual(['b1']);
    expect(await folded.current('nothing')).toEqual([]);
  });

  it('refolds from the start when the store no longer continues what it cached (a store reset under it)', async () => {
    const folded = new FoldedStreams(store, words, 1);
    await store.appendToStream('s', [note('old-1'), note('old-2')]);
    expect(await folded.current('s')).toEqual(['old-1', 'old-2']);
    await store.close();
    store = SqliteEventStore.open(':memory:');
    (folded as unknown as { store: SqliteEventStore }).store = store;
    await store.appendToStream('s', [note('new-1')]);
    expect(await folded.current('s')).toEqual(['new-1']);
  });

  describe('as the start of commands', () => {
    it('decides on the kept fold, reading only the events after it, and keeps the fold its append made', async () => {
      const folded = new FoldedStreams(store, words);
      await store.appendToStream('s', [note('open'), note('voting')]);
      expect(await folded.current('s')).toEqual(['open', 'voting']);
      await store.appendToStream('s', [note('ballot')]);

      const reads = jest.spyOn(store, 'readStream');
      const result = await handleCommand(store, noting, 's', 'closed', metadata, {}, { folded });
      expect(result).toMatchObject({ state: ['open', 'voting', 'ballot', 'closed'], streamVersion: 4 });
      expect(await folded.current('s')).toEqual(['open', 'voting', 'ballot', 'closed']);
      expect(reads.mock.calls).toEqual([
        ['s', { fromVersion: 3 }],
        ['s', { fromVersion: 5 }],
      ]);
    });

    it('decides again on the new events when another writer appended after the decision, and never notes a word twice', async () => {
      const folded = new FoldedStreams(store, words);
      await store.appendToStream('s', [note('open')]);
      const append = store.appendToStream.bind(store);
      jest.spyOn(store, 'appendToStream').mockImplementationOnce(async (...args) => {
        await append('s', [note('closed')]);
        return append(...args);
      });
      await expect(handleCommand(store, noting, 's', 'closed', metadata, {}, { folded })).rejects.toMatchObject({ code: 'WORD.NOTED' });
      expect((await store.readStream('s')).events.map((e) => (e.data as { word: string }).word)).toEqual(['open', 'closed']);
      expect(await folded.current('s')).toEqual(['open', 'closed']);
    });

    it('keeps nothing of an append that failed or a decision that was refused: the next state is the stream’s fold', async () => {
      const folded = new FoldedStreams(store, words);
      await store.appendToStream('s', [note('open')]);
      const append = store.appendToStream.bind(store);
      jest.spyOn(store, 'appendToStream').mockImplementationOnce(async (...args) => {
        await append('s', [note('ballot')]);
        return append(...args);
      });
      const conflict = handleCommand(store, noting, 's', 'closed', metadata, {}, { folded, maxAttempts: 1 });
      await expect(conflict).rejects.toBeInstanceOf(ConcurrencyConflictError);
      expect(await folded.current('s')).toEqual(['open', 'ballot']);

      await expect(handleCommand(store, noting, 's', 'open', metadata, {}, { folded })).rejects.toMatchObject({ code: 'WORD.NOTED' });
      expect(await folded.currentWithVersion('s')).toEqual({ version: 2, state: ['open', 'ballot'] });
      expect((await store.readStream('s')).streamVersion).toBe(2);
    });

    it('starts a stream that does not exist yet from the initial state, expecting no stream', async () => {
      const folded = new FoldedStreams(store, words);
      await expect(folded.currentWithVersion('new')).resolves.toEqual({ version: 0, state: [] });
      await handleCommand(store, noting, 'new', 'first', metadata, {}, { folded });
      await expect(folded.currentWithVersion('new')).resolves.toEqual({ version: 1, state: ['first'] });
    });
  });
});
