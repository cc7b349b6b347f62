import { createHmac } from 'node:crypto';
import type { ServiceName } from '@gongzhi/contracts';

/**
 * Turns public events into rows of the analysts' export: one table per kind of fact, a row per event (ballots
 * only as turnout counts), resident and staff ids replaced by a keyed pseudonym, free text left out unless
 * asked for. Pure: the CLI (export.ts) reads the logs and writes the files.
 */
export type FactTable = 'cases' | 'assignments' | 'whistles' | 'turnout' | 'points' | 'co_building';
export const FACT_TABLES: readonly FactTable[] = ['cases', 'assignments', 'whistles', 'turnout', 'points', 'co_building'];

export type Cell = string | number | boolean | null;
export type FactRow = Record<string, Cell>;

export interface PublicEventLike {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly occurredAt: string;
  readonly actor?: { readonly id: string; readonly kind: string } | null;
  readonly data: unknown;
}

export interface FactOptions {
  /** Keyed pseudonyms: the same person gets the same pseudonym in every file made with the same key. */
  readonly pseudonymKey: Buffer;
  readonly timeZone: string;
  readonly includeFreeText: boolean;
}

/** Fields that hold what people wrote (descriptions, reasons, comments, addresses): out by default. */
const FREE_TEXT = new Set([
  'description',
  'reason',
  'comment',
  'comments',
  'notes',
  'note',
  'text',
  'title',
  'address',
  'content',
  'message',
  'body',
  'summary',
  'purpose',
  'progress',
  'displayName',
  'name',
  'agenda',
  'minutes',
]);

/**
 * Ids of things, not people: kept as they are. Every other field named `…Id`, `…Ids` or `…By` is taken for a
 * person's and pseudonymised, so a new field is private until someone decides otherwise.
 */
const THING_IDS = new Set([
  'caseId',
  'mergedIntoCaseId',
  'duplicateOfCaseId',
  'gridId',
  'communityId',
  'streetId',
  'districtId',
  'cityId',
  'departmentId',
  'departmentIds',
  'assignmentId',
  'whistleId',
  'taskId',
  'topicId',
  'optionId',
  'poolId',
  'projectId',
  'resourceId',
  'bookingId',
  'needId',
  'organisationId',
  'rewardId',
  'redemptionId',
  'ruleId',
  'badgeId',
  'meetingId',
  'commentId',
  'photoIds',
  'photoId',
  'sourceEventId',
  'sourceEventIds',
  'categoryId',
]);

/** Where a report was made: rounded, since an anonymous reporter often stands at their own door. */
const COORDINATES = new Set(['lat', 'long', 'lng', 'latitude', 'longitude']);

const personField = (name: string) => !THING_IDS.has(name) && /(Id|Ids|By)$/.test(name);

export function pseudonymOf(id: string, key: Buffer): string {
  return `p_${createHmac('sha256', key).update(id).digest('base64url').slice(0, 22)}`;
}

/** The calendar day of an instant in the city's time zone, as YYYY-MM-DD. */
export function cityDayOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export function tableOf(service: ServiceName, type: string): FactTable | null {
  switch (service) {
    case 'grid-events':
      return 'cases';
    case 'department-dispatch':
      return type.startsWith('Assignment') ? 'assignments' : 'whistles';
    case 'deliberation':
      return type === 'BallotCast' || type === 'BallotWithdrawn' ? 'turnout' : null;
    case 'points':
      return 'points';
    case 'co-building':
      return 'co_building';
  }
}

/** One event as a row of its table; ballots are counted by `countTurnout` instead. */
export function factOf(
  service: ServiceName,
  event: PublicEventLike,
  options: FactOptions,
): { table: FactTable; day: string; row: FactRow } | null {
  const table = tableOf(service, event.type);
  if (table === null || table === 'turnout') return null;
  const day = cityDayOf(event.occurredAt, options.timeZone);
  const actor = event.actor;
  const row: FactRow = {
    event_id: event.eventId,
    event_type: event.type,
    schema_version: event.schemaVersion,
    occurred_at: event.occurredAt,
    day,
    actor_kind: actor?.kind ?? null,
    actor: actor ? (actor.kind === 'user' ? pseudonymOf(actor.id, options.pseudonymKey) : actor.id) : null,
  };
  flatten(event.data, '', row, options);
  return { table, day, row };
}

/**
 * Ballots cast and withdrawn per topic and day: who voted is on the public roll, what they chose never leaves
 * the box, and the export does not even say who.
 */
export function countTurnout(events: Iterable<PublicEventLike>, timeZone: string): Map<string, FactRow[]> {
  const counts = new Map<string, Map<string, { cast: number; assisted: number; withdrawn: number }>>();
  for (const event of events) {
    if (event.type !== 'BallotCast' && event.type !== 'BallotWithdrawn') continue;
    const day = cityDayOf(event.occurredAt, timeZone);
    const data = (event.data ?? {}) as { topicId?: string; assisted?: boolean };
    const topic = data.topicId ?? event.streamId;
    const byTopic = counts.get(day) ?? new Map();
    const count = byTopic.get(topic) ?? { cast: 0, assisted: 0, withdrawn: 0 };
    if (event.type === 'BallotWithdrawn') count.withdrawn += 1;
    else {
      count.cast += 1;
      if (data.assisted) count.assisted += 1;
    }
    byTopic.set(topic, count);
    counts.set(day, byTopic);
  }
  return new Map(
    [...counts].map(([day, byTopic]) => [
      day,
      [...byTopic]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([topic, count]) => ({
          day,
          topic_id: topic,
          ballots_cast: count.cast,
          assisted_ballots: count.assisted,
          ballots_withdrawn: count.withdrawn,
        })),
    ]),
  );
}

function flatten(value: unknown, prefix: string, row: FactRow, options: FactOptions): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [name, inner] of Object.entries(value)) {
    const column = prefix ? `${prefix}_${snake(name)}` : snake(name);
    if (!options.includeFreeText && FREE_TEXT.has(name)) continue;
    if (Array.isArray(inner)) {
      row[`${column}_count`] = inner.length;
      continue;
    }
    if (inner !== null && typeof inner === 'object') {
      flatten(inner, column, row, options);
      continue;
    }
    if (typeof inner === 'string' && personField(name)) {
      row[column] = pseudonymOf(inner, options.pseudonymKey);
    } else if (typeof inner === 'number' && COORDINATES.has(name)) {
      // About 100 m: enough for a map of where problems are, not enough to find a reporter's door.
      row[column] = Math.round(inner * 1_000) / 1_000;
    } else if (inner === null || ['string', 'number', 'boolean'].includes(typeof inner)) {
      row[column] = inner as Cell;
    }
  }
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
