import { ApiError, type Api } from '../api';
import type { QueuedCheckIn, QueuedReport, QueuedTriage, TriageDecision } from './queue-store';

/** No network: fetch itself failed (a TypeError), or the browser knows it is offline. Not a server's answer. */
export const isNetworkFailure = (error: unknown) => !(error instanceof ApiError) && (error instanceof TypeError || !navigator.onLine);

/** A server's answer that a later attempt may change: busy with the first attempt (409), too many (429), or its own fault (5xx). */
export const isTransient = (error: unknown) =>
  isNetworkFailure(error) || (error instanceof ApiError && (error.status === 409 || error.status === 429 || error.status >= 500));

const keyed = (id: string) => ({ 'Idempotency-Key': id });

/**
 * Sends a report: its photos first (each id saved by `saved`, so an interrupted send never uploads one twice),
 * then the case with the device-made id as its Idempotency-Key. Throws what stopped it.
 */
export async function sendReport<T>(
  api: Api,
  item: QueuedReport,
  saved: (item: QueuedReport) => Promise<void>,
  progress: (done: number, of: number) => void = () => undefined,
): Promise<T> {
  let current = item;
  const steps = item.photos.length + item.photoIds.length + 1;
  progress(current.photoIds.length, steps);
  while (current.photos.length > 0) {
    const [photo, ...rest] = current.photos;
    // uploadPhoto makes the photo small (a queued one already is; drawing it again keeps it as it is).
    const { photoId } = await api.uploadPhoto(photo);
    current = { ...current, photos: rest, photoIds: [...current.photoIds, photoId] };
    await saved(current);
    progress(current.photoIds.length, steps);
  }
  const answer = await api.send<T>('POST', '/api/cases', { ...current.body, photoIds: current.photoIds }, keyed(current.id));
  progress(steps, steps);
  return answer;
}

/**
 * Sends a queued check-in with the time it was made. The first attempt, online, went without `madeAt` under
 * the same key: if it reached the server after all, the key is taken by that body, and the server says
 * IDEMPOTENCY.KEY_REUSED, which means the check-in is already recorded.
 */
export async function sendQueuedCheckIn(api: Api, item: QueuedCheckIn): Promise<void> {
  try {
    await api.send('POST', checkInPath(item.whistleId), { madeAt: item.madeAt }, keyed(item.id));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'IDEMPOTENCY.KEY_REUSED') return;
    throw error;
  }
}

/** Sends a triage decision under its device-made key: online first, then from the queue, it is recorded once. */
export async function sendTriage(api: Api, caseId: string, decision: TriageDecision, id: string): Promise<void> {
  await api.send(
    'POST',
    triagePath(caseId, decision.action),
    decision.action === 'reject' ? { reason: decision.reason } : undefined,
    keyed(id),
  );
}

export const sendQueuedTriage = (api: Api, item: QueuedTriage) => sendTriage(api, item.caseId, item.decision, item.id);

export const triagePath = (caseId: string, action: TriageDecision['action']) => `/api/cases/${encodeURIComponent(caseId)}/${action}`;
export const checkInPath = (whistleId: string) => `/api/department-dispatch/whistles/${encodeURIComponent(whistleId)}/check-in`;
export { keyed as idempotencyHeaders };
