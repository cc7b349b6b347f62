import { FoldedStreams, type DomainEvent } from '@gongzhi/eventsourcing';
import { SqliteEventStore } from './sqlite-event-store';

type Noted = DomainEvent & { type: 'Noted'; data: { word: string } };
const words = { evolve: (state: string[], event: Noted) => [...state, event.data.word], initialState: (): string[] => [] };
const note = (word: string) => ({ type: 'Noted', data: { word }, correlationId: 'c', actor: null });

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
});
