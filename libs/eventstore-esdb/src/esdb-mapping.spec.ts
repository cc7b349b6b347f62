import { ANY, NO_STREAM, STREAM_EXISTS, UnavailableError, WrongExpectedVersionError as EsdbWrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import {
  InvalidEventError,
  PartialDuplicateAppendError,
  StoreUnavailableError,
  WrongExpectedVersionError,
  prepareAppend,
  type ExpectedVersion,
} from '@gongzhi/eventsourcing';
import {
  comparePositions,
  decodeMetadata,
  describeAddress,
  toKurrentScheme,
  encodeMetadata,
  fromGlobalPosition,
  isSystemEvent,
  toAppendError,
  toEventData,
  toExpectedRevision,
  toRecordedEvent,
  toStoreError,
  type EsdbRecord,
} from './esdb-mapping';

const actor = { id: 'resident-7', kind: 'user', roles: ['resident'] } as const;
const now = new Date('2024-05-01T08:00:00.000Z');

function prepared(extra: Record<string, unknown> = {}) {
  return prepareAppend('case-1', [{ type: 'CaseReported', data: { n: 1 }, ...extra }], now)[0];
}

function record(overrides: Partial<EsdbRecord> = {}): EsdbRecord {
  return {
    streamId: 'case-1',
    id: '018f2b6e-8c00-7000-8000-000000000001',
    revision: 0n,
    type: 'CaseReported',
    created: new Date('2024-05-01T08:00:01.234Z'),
    isJson: true,
    data: { n: 1 },
    metadata: encodeMetadata(prepared({ correlationId: 'corr-1', causationId: 'cmd-1', actor })),
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  };
}

describe('expected version → EventStoreDB expected revision', () => {
  it.each<[ExpectedVersion, unknown]>([
    ['any', ANY],
    ['no_stream', NO_STREAM],
    [0, NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    [1, 0n],
    [42, 41n],
  ])('%p becomes %p', (expected, revision) => {
    expect(toExpectedRevision(expected)).toEqual(revision);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p before anything is sent', (expected) => {
    expect(() => toExpectedRevision(expected)).toThrow(InvalidEventError);
  });
});

describe('event metadata', () => {
  it('round-trips every envelope field EventStoreDB has no column for', () => {
    const event = prepared({ correlationId: 'corr-1', causationId: 'cmd-1', actor, schemaVersion: 2 });
    const json = JSON.parse(JSON.stringify(toEventData(event).metadata));

    expect(json).toEqual({
      schemaVersion: 2,
      occurredAt: '2024-05-01T08:00:00.000Z',
      $correlationId: 'corr-1',
      $causationId: 'cmd-1',
      actor,
    });
    expect(decodeMetadata(json, { eventId: event.eventId, recordedAt: 'later' })).toEqual({
      schemaVersion: 2,
      occurredAt: '2024-05-01T08:00:00.000Z',
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor,
    });
  });

  it('gives an event written by another tool the defaults of a new envelope', () => {
    expect(decodeMetadata(undefined, { eventId: 'e-1', recordedAt: '2024-05-01T08:00:01.234Z' })).toEqual({
      schemaVersion: 1,
      occurredAt: '2024-05-01T08:00:01.234Z',
      correlationId: 'e-1',
      causationId: null,
      actor: null,
    });
  });
});

describe('recorded event', () => {
  it('counts stream versions from 1 and dates in ISO-8601', () => {
    expect(toRecordedEvent(record({ revision: 2n }))).toEqual({
      eventId: '018f2b6e-8c00-7000-8000-000000000001',
      type: 'CaseReported',
      schemaVersion: 1,
      streamId: 'case-1',
      streamVersion: 3,
      globalPosition: 4096,
      occurredAt: '2024-05-01T08:00:00.000Z',
      recordedAt: '2024-05-01T08:00:01.234Z',
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor,
      data: { n: 1 },
    });
  });

  it('keeps a missing causation as null, not as a string', () => {
    const written = prepared();
    const event = toRecordedEvent(record({ metadata: encodeMetadata(written) }));
    expect(event.causationId).toBeNull();
    expect(event.actor).toBeNull();
    expect(event.correlationId).toBe(written.eventId);
  });

  it('reads JSON out of an event stored as bytes', () => {
    const bytes = new Uint8Array(Buffer.from('{"n":7}'));
    expect(toRecordedEvent(record({ isJson: false, data: bytes })).data).toEqual({ n: 7 });
  });

  it('refuses an event without a log position rather than inventing one', () => {
    expect(() => toRecordedEvent(record({ position: undefined }))).toThrow(/log position/);
  });

  it.each([
    [{ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' }, true],
    [{ streamId: '$$case-1', type: '$metadata' }, true],
    [{ streamId: '$ce-case', type: '$>' }, true],
    [{ streamId: 'case-1', type: '$>' }, true],
    [{ streamId: 'case-1', type: 'CaseReported' }, false],
  ])('filters the server’s own events out: %p → %p', (event, system) => {
    expect(isSystemEvent(event)).toBe(system);
  });
});

describe('global positions', () => {
  it('resume from the position itself and order by commit, then prepare', () => {
    expect(fromGlobalPosition(4096)).toEqual({ commit: 4096n, prepare: 4096n });
    expect(comparePositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 0n })).toBe(-1);
    expect(comparePositions({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 0n })).toBe(1);
    expect(comparePositions({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 1n })).toBe(0);
    expect(() => fromGlobalPosition(-1)).toThrow(RangeError);
  });
});

describe('errors', () => {
  const batch = prepareAppend('case-1', [{ type: 'A', data: {} }, { type: 'B', data: {} }], now);
  const conflict = (current: bigint | typeof NO_STREAM) =>
    new EsdbWrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 0n, current });

  it('reports the actual version 1-based, and 0 for a missing stream', () => {
    expect(toAppendError(conflict(4n), 'case-1', 2, batch)).toMatchObject({ streamId: 'case-1', expected: 2, actual: 5 });
    expect(toAppendError(conflict(NO_STREAM), 'case-1', 'stream_exists', batch)).toEqual(
      new WrongExpectedVersionError('case-1', 'stream_exists', 0),
    );
  });

  it("reads a conflict under 'any' as a partly repeated append", () => {
    const error = toAppendError(conflict(0n), 'case-1', 'any', batch);
    expect(error).toBeInstanceOf(PartialDuplicateAppendError);
    expect((error as PartialDuplicateAppendError).details).toMatchObject({ duplicateEventIds: [batch[0].eventId] });
  });

  it('names the address when the server is unreachable and passes other failures through', () => {
    const unreachable = toStoreError(new UnavailableError(undefined, 'connect ECONNREFUSED'), 'esdb://es:2113');
    expect(unreachable).toBeInstanceOf(StoreUnavailableError);
    expect(unreachable).toMatchObject({ address: 'esdb://es:2113' });
    const other = new Error('boom');
    expect(toStoreError(other, 'esdb://es:2113')).toBe(other);
  });

  it('hands the KurrentDB client an esdb:// address under its current scheme, so it does not warn on every connect', () => {
    expect(toKurrentScheme('esdb+discover://es-1:2113?tls=true')).toBe('kurrentdb+discover://es-1:2113?tls=true');
    expect(toKurrentScheme('esdb://es-1:2113')).toBe('kurrentdb://es-1:2113');
    expect(toKurrentScheme('kurrentdb://es-1:2113')).toBe('kurrentdb://es-1:2113');
  });

  it('hides the password of a connection string', () => {
    expect(describeAddress('esdb://admin:changeit@es-1:2113,es-2:2113?tls=true')).toBe('esdb://admin:***@es-1:2113,es-2:2113?tls=true');
    expect(describeAddress('esdb+discover://es.local:2113')).toBe('esdb+discover://es.local:2113');
  });
});
