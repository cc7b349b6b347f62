import type { FieldProblem } from '../plain-error';

// The reports, check-ins and triage decisions a device could not send, kept in IndexedDB until the signal returns.
// Each carries the id made on the device when it was first tried: sent as its Idempotency-Key, a
// repeat of a request whose answer was lost runs once on the server (docs/offline.md).

export interface ReportBody {
  readonly categoryCode: string;
  readonly description: string;
  readonly location: { lat: number; long: number } | null;
  readonly address: string | null;
  readonly anonymous: boolean;
  readonly nameVisibleToStaff: boolean;
}

interface Queued {
  /** The device-made id, also the Idempotency-Key of every attempt. */
  readonly id: string;
  /** The signed-in person's subject: a queue is never sent under another person's name. */
  readonly owner: string;
  /** When it was queued (the order of sending). */
  readonly queuedAt: string;
  /** The server's refusal (read in plain words by `plainError`), kept until the person fixes or discards the item. */
  readonly refusal?: { status: number; code: string | undefined; message: string; fields: readonly FieldProblem[] };
}

export interface QueuedReport extends Queued {
  readonly kind: 'report';
  readonly body: ReportBody;
  /** The photos, already resized; those uploaded are replaced by their ids so a retry never sends them twice. */
  readonly photos: readonly Blob[];
  readonly photoIds: readonly string[];
}

export interface QueuedCheckIn extends Queued {
  readonly kind: 'check-in';
  readonly whistleId: string;
  readonly title: string;
  /** When the check-in was made on the device (ISO 8601, UTC). */
  readonly madeAt: string;
}

/** A grid worker's decision on a new report, made where the signal dropped (a basement, a stairwell). */
export interface QueuedTriage extends Queued {
  readonly kind: 'triage';
  readonly caseId: string;
  /** The report's words, so the list says which case the decision is about. */
  readonly title: string;
  readonly decision: TriageDecision;
}

export type TriageDecision = { readonly action: 'accept' } | { readonly action: 'reject'; readonly reason: string };

export type QueuedItem = QueuedReport | QueuedCheckIn | QueuedTriage;

const DB_NAME = 'gongzhi-offline';
const STORE = 'queue';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request ? request.result : undefined);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export const queueStore = {
  async list(owner: string): Promise<QueuedItem[]> {
    const all = ((await withStore<QueuedItem[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedItem[]>)) ?? []) as QueuedItem[];
    return all.filter((item) => item.owner === owner).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  },
  async put(item: QueuedItem): Promise<void> {
    await withStore('readwrite', (s) => s.put(item));
  },
  async remove(id: string): Promise<void> {
    await withStore('readwrite', (s) => s.delete(id));
  },
  /** Everything, whoever queued it: signing out leaves nothing of anyone's on the device. */
  async clear(): Promise<void> {
    await withStore('readwrite', (s) => s.clear());
  },
};
