import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, useApi } from '../api';
import { queueStore, type QueuedItem, type QueuedReport } from './queue-store';
import { isTransient, sendQueuedCheckIn, sendQueuedTriage, sendReport } from './send';

export interface OfflineQueue {
  /** The signed-in person's queued items, oldest first. */
  readonly items: readonly QueuedItem[];
  /** The item being sent and how far: photos uploaded, then the request itself. */
  readonly sending: { id: string; done: number; of: number } | null;
  enqueue(item: QueuedItem): Promise<void>;
  discard(id: string): Promise<void>;
  /** A refused report taken out of the queue to be fixed in the report form, which sends it again under its id. */
  readonly editing: QueuedReport | null;
  /** Counts the items taken out to be fixed: the report form starts afresh (keyed by it) for each. */
  readonly editRound: number;
  edit(id: string): Promise<void>;
  doneEditing(): void;
  /** Clears a refusal and tries the item again. */
  retry(id: string): Promise<void>;
  /** Sends what is queued, in order; stops at the first item the network or a busy server holds back. */
  flush(): Promise<void>;
}

const OfflineQueueContext = createContext<OfflineQueue | null>(null);

export function OfflineQueueProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const apiRef = useRef(api);
  apiRef.current = api;
  const owner = api.principal?.subject ?? null;
  const [items, setItems] = useState<readonly QueuedItem[]>([]);
  const [sending, setSending] = useState<OfflineQueue['sending']>(null);
  const flushing = useRef(false);
  const [editing, setEditing] = useState<QueuedReport | null>(null);
  const [editRound, setEditRound] = useState(0);

  const refresh = useCallback(async () => setItems(owner ? await queueStore.list(owner) : []), [owner]);

  const flush = useCallback(async () => {
    if (!owner || flushing.current) return;
    flushing.current = true;
    try {
      for (const item of await queueStore.list(owner)) {
        if (item.refusal) continue;
        let latest: QueuedItem = item;
        try {
          if (item.kind === 'report') {
            await sendReport(
              apiRef.current,
              item,
              async (saved) => {
                latest = saved;
                await queueStore.put(saved);
              },
              (done, of) => setSending({ id: item.id, done, of }),
            );
          } else {
            setSending({ id: item.id, done: 0, of: 1 });
            await (item.kind === 'check-in' ? sendQueuedCheckIn(apiRef.current, item) : sendQueuedTriage(apiRef.current, item));
          }
          await queueStore.remove(item.id);
        } catch (error) {
          // Order matters: a later item waits while an earlier one waits for the network.
          if (isTransient(error) || !(error instanceof ApiError)) break;
          const { status, code, message, fields } = error;
          await queueStore.put({ ...latest, refusal: { status, code, message, fields } });
        } finally {
          await refresh();
        }
      }
    } finally {
      flushing.current = false;
      setSending(null);
      await refresh();
    }
  }, [owner, refresh]);

  // On start (a person signed in) and whenever the connection returns.
  useEffect(() => {
    void refresh().then(() => (navigator.onLine ? flush() : undefined));
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [refresh, flush]);

  const queue = useMemo<OfflineQueue>(
    () => ({
      items,
      sending,
      async enqueue(item) {
        await queueStore.put(item);
        await refresh();
      },
      async discard(id) {
        await queueStore.remove(id);
        await refresh();
      },
      editing,
      editRound,
      async edit(id) {
        const item = items.find((i) => i.id === id);
        if (item?.kind !== 'report') return;
        await queueStore.remove(id);
        setEditing(item);
        setEditRound((round) => round + 1);
        await refresh();
      },
      doneEditing: () => setEditing(null),
      async retry(id) {
        const item = items.find((i) => i.id === id);
        if (!item) return;
        await queueStore.put({ ...item, refusal: undefined });
        await refresh();
        await flush();
      },
      flush,
    }),
    [items, sending, editing, editRound, refresh, flush],
  );
  return <OfflineQueueContext.Provider value={queue}>{children}</OfflineQueueContext.Provider>;
}

export function useOfflineQueue(): OfflineQueue {
  const context = useContext(OfflineQueueContext);
  if (!context) throw new Error('useOfflineQueue outside OfflineQueueProvider');
  return context;
}
