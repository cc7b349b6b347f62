import type { Actor, NewEvent } from './envelope';
import { InvalidEventError } from './errors';
import { isUuid, uuidv7 } from './uuid-v7';

/** A new event validated and serialised once, ready for any adapter to write. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly dataJson: string;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor | null;
  readonly actorJson: string | null;
}

/** Keeps positions of one append addressable as `transaction * MAX_EVENTS_PER_APPEND + index` in stores that need it. */
export const MAX_EVENTS_PER_APPEND = 1 << 20;
const MAX_STREAM_ID_LENGTH = 200;

/**
 * Validates an append before anything is written: a non-empty stream id, at least one event, ids that
 * are UUIDs and unique within the batch, and data that survives a JSON round trip unchanged.
 */
export function prepareAppend(streamId: string, events: readonly NewEvent[], now: Date = new Date()): PreparedEvent[] {
  if (typeof streamId !== 'string' || streamId.trim() === '' || streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidEventError(`Stream id must be a non-empty string of at most ${MAX_STREAM_ID_LENGTH} characters`, {
      field: 'streamId',
    });
  }
  if (events.length === 0) throw new InvalidEventError('An append needs at least one event', { field: 'events' });
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidEventError(`An append holds at most ${MAX_EVENTS_PER_APPEND} events`, { field: 'events' });
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const at = `events[${index}]`;
    if (typeof event.type !== 'string' || event.type === '') {
      throw new InvalidEventError(`${at}.type must be a non-empty string`, { field: `${at}.type` });
    }
    const eventId = event.eventId ?? uuidv7(now.getTime());
    if (!isUuid(eventId)) throw new InvalidEventError(`${at}.eventId must be a UUID`, { field: `${at}.eventId` });
    if (seen.has(eventId)) throw new InvalidEventError(`${at}.eventId repeats an id of this append`, { field: `${at}.eventId` });
    seen.add(eventId);
    const schemaVersion = event.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidEventError(`${at}.schemaVersion must be a positive integer`, { field: `${at}.schemaVersion` });
    }
    assertPlainJson(event.data, `${at}.data`);
    if (event.actor != null) assertPlainJson(event.actor, `${at}.actor`);
    const occurredAt = event.occurredAt ?? now.toISOString();
    if (Number.isNaN(Date.parse(occurredAt))) {
      throw new InvalidEventError(`${at}.occurredAt must be an ISO-8601 timestamp`, { field: `${at}.occurredAt` });
    }
    return {
      eventId,
      type: event.type,
      schemaVersion,
      data: event.data,
      dataJson: JSON.stringify(event.data),
      occurredAt: new Date(occurredAt).toISOString(),
      correlationId: event.correlationId ?? eventId,
      causationId: event.causationId ?? null,
      actor: event.actor ?? null,
      actorJson: event.actor == null ? null : JSON.stringify(event.actor),
    };
  });
}

/**
 * Accepts only what JSON carries faithfully: null, booleans, finite numbers, strings, arrays and plain
 * objects. A Date, a Map, a class instance, `undefined`, a bigint or a cycle would come back changed.
 * Runs on every append, so it walks the value without allocating: the path to a bad value is written only when
 * there is one.
 */
export function assertPlainJson(value: unknown, path: string): void {
  checkPlainJson(value, [path], []);
}

/** `at` holds the path: the root's name, then keys and indexes; `ancestors` the objects above `value`. */
function checkPlainJson(value: unknown, at: Array<string | number>, ancestors: object[]): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw badValue(at, `is ${value}, which JSON cannot carry`);
  }
  if (typeof value !== 'object') throw badValue(at, `is a ${typeof value}, which JSON cannot carry`);
  if (ancestors.includes(value)) throw badValue(at, 'refers back to itself');
  ancestors.push(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      checkPlainJson(value[i], at, ancestors);
      at.pop();
    }
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw badValue(at, `is a ${proto?.constructor?.name ?? 'non-plain object'}; events hold plain data only`);
    }
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue; // dropped by JSON, as an absent optional field would be
      at.push(key);
      checkPlainJson(item, at, ancestors);
      at.pop();
    }
  }
  ancestors.pop();
}

function badValue(at: ReadonlyArray<string | number>, problem: string): InvalidEventError {
  const path = at.map((step, i) => (i === 0 ? step : typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
  return new InvalidEventError(`${path} ${problem}`, { field: path });
}
