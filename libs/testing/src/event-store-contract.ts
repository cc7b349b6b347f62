import {
  appendToStreams,
  InvalidEventError,
  PartialDuplicateAppendError,
  WrongExpectedVersionError,
  readStreams,
  subscribeToAll,
  uuidv7,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
} from '@gongzhi/eventsourcing';

export interface EventStoreContractSetup {
  open(): Promise<EventStore>;
  close?(store: EventStore): Promise<void>;
}

export interface EventStoreContractOptions {
  /** Writers racing in the concurrency tests. */
  readonly concurrentWriters?: number;
}

const actor = { id: 'resident-7', kind: 'user', roles: ['resident'] } as const;

function reported(n: number, extra: Partial<NewEvent> = {}): NewEvent {
  return { type: 'CaseReported', data: { n, description: `积水 #${n}`, location: { lat: 31.23, long: 121.47 } }, ...extra };
}

/** Reads the global log after `after` until `done` holds (a store may show committed events a moment later). */
export async function readAllUntil(
  store: EventStore,
  after: number,
  done: (events: readonly RecordedEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> {
  const deadline = Date.now() + timeoutMs;
  const seen: RecordedEvent[] = [];
  let position = after;
  for (;;) {
    const page = await store.readAll({ after: position, limit: 1000 });
    seen.push(...page);
    if (page.length > 0) position = page[page.length - 1].globalPosition;
    if (done(seen)) return seen;
    if (Date.now() > deadline) return seen;
    if (page.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The behaviour every EventStore adapter must show, run against each of them (SQLite, PostgreSQL,
 * EventStoreDB, in-memory). Tests use fresh stream ids, so one store serves the whole suite.
 */
export function describeEventStoreContract(name: string, setup: EventStoreContractSetup, options: EventStoreContractOptions = {}): void {
  const writers = options.concurrentWriters ?? 8;

  describe(`${name} event store contract`, () => {
    let store: EventStore;
    const streamId = (category = 'case') => `${category}-${uuidv7()}`;
    const ownEvents = (events: readonly RecordedEvent[], ids: ReadonlySet<string>) => events.filter((e) => ids.has(e.streamId));

    beforeAll(async () => {
      store = await setup.open();
    });
    afterAll(async () => {
      if (setup.close) await setup.close(store);
      else await store.close();
    });

    describe('a stream', () => {
      it('reads back its events in append order with the whole envelope', async () => {
        const id = streamId();
        const eventId = uuidv7();
        await store.appendToStream(id, [reported(1, { eventId, correlationId: 'corr-1', causationId: 'cmd-1', actor })], {
          expectedVersion: 'no_stream',
        });
        const result = await store.appendToStream(id, [reported(2), reported(3)], { expectedVersion: 1 });
        expect(result).toMatchObject({ streamVersion: 3, written: 2 });

        const { streamExists, streamVersion, events } = await store.readStream(id);
        expect(streamExists).toBe(true);
        expect(streamVersion).toBe(3);
        expect(events.map((e) => [e.streamVersion, (e.data as { n: number }).n])).toEqual([
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
        const [first] = events;
        expect(first).toMatchObject({
          eventId,
          type: 'CaseReported',
          schemaVersion: 1,
          streamId: id,
          correlationId: 'corr-1',
          causationId: 'cmd-1',
          actor,
          data: { n: 1, description: '积水 #1', location: { lat: 31.23, long: 121.47 } },
        });
        expect(Number.isNaN(Date.parse(first.occurredAt))).toBe(false);
        expect(Number.isNaN(Date.parse(first.recordedAt))).toBe(false);
        expect(events[1].eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(events[2].globalPosition).toBe(result.lastGlobalPosition);
        expect(events[1].globalPosition).toBeLessThan(events[2].globalPosition);
      });

      it('answers a stream that was never written as empty, at version 0', async () => {
        await expect(store.readStream(streamId())).resolves.toEqual({ streamExists: false, streamVersion: 0, events: [] });
      });

      it('reads from a version, up to a count, and still reports the current version', async () => {
        const id = streamId();
        await store.appendToStream(
          id,
          [1, 2, 3, 4, 5].map((n) => reported(n)),
        );
        const { streamVersion, events } = await store.readStream(id, { fromVersion: 2, maxCount: 2 });
        expect(streamVersion).toBe(5);
        expect(events.map((e) => e.streamVersion)).toEqual([2, 3]);
      });
    });

    describe('expected versions', () => {
      const cases: Array<[string, number, ExpectedVersion, boolean]> = [
        ['no_stream on a new stream', 0, 'no_stream', true],
        ['no_stream on an existing stream', 2, 'no_stream', false],
        ['stream_exists on an existing stream', 2, 'stream_exists', true],
        ['stream_exists on a new stream', 0, 'stream_exists', false],
        ['the exact current version', 2, 2, true],
        ['a stale version', 2, 1, false],
        ['a version ahead of the stream', 2, 3, false],
        ['0 on a new stream', 0, 0, true],
        ['any on a new stream', 0, 'any', true],
        ['any on an existing stream', 2, 'any', true],
      ];

      it.each(cases)('%s', async (_, existing, expectedVersion, accepted) => {
        const id = streamId();
        if (existing > 0)
          await store.appendToStream(
            id,
            Array.from({ length: existing }, (__, i) => reported(i)),
          );
        const append = store.appendToStream(id, [reported(99)], { expectedVersion });
        if (accepted) {
          await expect(append).resolves.toMatchObject({ streamVersion: existing + 1, written: 1 });
        } else {
          const error = await append.catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({ code: 'EVENTSTORE.WRONG_EXPECTED_VERSION', streamId: id, actual: existing });
        }
      });

      it('writes nothing when the version does not match: not to the stream, not to the global log', async () => {
        const id = streamId();
        await store.appendToStream(id, [reported(1)]);
        const head = await store.headPosition();
        await expect(store.appendToStream(id, [reported(2), reported(3)], { expectedVersion: 0 })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        expect((await store.readStream(id)).streamVersion).toBe(1);
        const marker = streamId('marker');
        await store.appendToStream(marker, [reported(4)]);
        const after = await readAllUntil(store, head, (events) => events.some((e) => e.streamId === marker));
        expect(after.filter((e) => e.streamId === id)).toEqual([]);
      });

      it(`lets exactly one of ${writers} concurrent appenders win each version`, async () => {
        const id = streamId();
        for (let version = 0; version < 10; version++) {
          const outcomes = await Promise.allSettled(
            Array.from({ length: writers }, (_, w) => store.appendToStream(id, [reported(w)], { expectedVersion: version })),
          );
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          lost.forEach((o) => expect(o.reason).toBeInstanceOf(WrongExpectedVersionError));
        }
        const { streamVersion, events } = await store.readStream(id);
        expect(streamVersion).toBe(10);
        expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      });
    });

    describe('reading a stream while it is written', () => {
      it('gives its version and its events from one moment: a command never decides on fewer events than it appends after', async () => {
        const id = streamId();
        let writing = true;
        const writer = (async () => {
          for (let n = 0; n < 150; n++) await store.appendToStream(id, [reported(n)]);
          writing = false;
        })();
        const torn: string[] = [];
        let reads = 0;
        await Promise.all(
          Array.from({ length: writers }, async () => {
            while (writing) {
              // Each read in a turn of the event loop of its own, as reads that come in as requests are: a store that
              // commits appends at the end of a turn (SQLite's group commit) would otherwise never get to.
              await new Promise((resolve) => setImmediate(resolve));
              const { streamVersion, events } = await store.readStream(id);
              reads++;
              const last = events.at(-1)?.streamVersion ?? 0;
              if (last !== streamVersion || events.length !== streamVersion)
                torn.push(`version ${streamVersion}, ${events.length} events up to ${last}`);
            }
          }),
        );
        await writer;
        expect(reads).toBeGreaterThan(0);
        expect(torn).toEqual([]);
      });
    });

    describe('several streams at once', () => {
      it('reads whole streams together, a stream never written as empty at version 0', async () => {
        const [a, b, none] = [streamId('voter'), streamId('voter'), streamId('voter')];
        await store.appendToStream(a, [reported(1), reported(2)]);
        await store.appendToStream(b, [reported(3)]);
        const read = await readStreams(store, [a, none, b, a]);
        expect([...read.keys()].sort()).toEqual([a, b, none].sort());
        expect(read.get(a)).toMatchObject({ streamExists: true, streamVersion: 2 });
        expect(read.get(a)!.events.map((e) => [e.streamVersion, (e.data as { n: number }).n])).toEqual([
          [1, 1],
          [2, 2],
        ]);
        expect(read.get(b)!.events.map((e) => e.streamId)).toEqual([b]);
        expect(read.get(none)).toEqual({ streamExists: false, streamVersion: 0, events: [] });
      });

      it('answers each append on its own: a stream not at its expected version is refused, the others are written', async () => {
        const [fresh, moved, any] = [streamId('voter'), streamId('voter'), streamId('voter')];
        await store.appendToStream(moved, [reported(0)]);
        const outcomes = await appendToStreams(store, [
          { streamId: fresh, events: [reported(1), reported(2)], options: { expectedVersion: 'no_stream' } },
          { streamId: moved, events: [reported(3)], options: { expectedVersion: 'no_stream' } },
          { streamId: any, events: [reported(4)] },
        ]);

        expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
        expect(outcomes[0]).toMatchObject({ ok: true, result: { streamVersion: 2, written: 2 } });
        const refused = outcomes[1] as { conflict: WrongExpectedVersionError };
        expect(refused.conflict).toBeInstanceOf(WrongExpectedVersionError);
        expect(refused.conflict.actual).toBe(1);
        expect((await store.readStream(moved)).events.map((e) => (e.data as { n: number }).n)).toEqual([0]);
        const written = await store.readStream(fresh);
        expect(written.events.map((e) => e.streamVersion)).toEqual([1, 2]);
        expect(outcomes[0].ok && outcomes[0].result.lastGlobalPosition).toBe(written.events[1].globalPosition);
        expect((await store.readStream(any)).streamVersion).toBe(1);
      });

      it('writes a repeated batch of appends once, answering the repeats with what was stored', async () => {
        const [a, b] = [streamId('voter'), streamId('voter')];
        const appends = [
          { streamId: a, events: [reported(1, { eventId: uuidv7() })], options: { expectedVersion: 'no_stream' as const } },
          { streamId: b, events: [reported(2, { eventId: uuidv7() })], options: { expectedVersion: 'no_stream' as const } },
        ];
        const first = await appendToStreams(store, appends);
        const again = await appendToStreams(store, appends);
        expect(again.map((o) => o.ok && o.result.written)).toEqual([0, 0]);
        expect(again.map((o) => o.ok && o.result.lastGlobalPosition)).toEqual(first.map((o) => o.ok && o.result.lastGlobalPosition));
        expect((await store.readStream(a)).events).toHaveLength(1);
        expect((await store.readStream(b)).events).toHaveLength(1);
      });

      it(`keeps each stream in order and every event once when ${writers} writers append to shared streams together`, async () => {
        const head = await store.headPosition();
        const streams = Array.from({ length: 5 }, () => streamId('voter'));
        const ids = new Set(streams);
        const rounds = 10;
        let total = 0;
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < rounds; i++) {
              // Two or three streams each time, in an order that differs between writers.
              const mine = [streams[(w + i) % 5], streams[(w + 2 * i + 1) % 5], streams[(3 * w + i + 3) % 5]];
              const outcomes = await appendToStreams(
                store,
                [...new Set(mine)].map((id) => ({ streamId: id, events: [reported(w * 1000 + i)] })),
              );
              expect(outcomes.every((o) => o.ok)).toBe(true);
              total += outcomes.length;
            }
          }),
        );
        const events = ownEvents(await readAllUntil(store, head, (seen) => ownEvents(seen, ids).length >= total), ids);
        expect(events).toHaveLength(total);
        expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
        events.slice(1).forEach((e, i) => expect(e.globalPosition).toBeGreaterThan(events[i].globalPosition));
        for (const id of streams) {
          const versions = events.filter((e) => e.streamId === id).map((e) => e.streamVersion);
          expect(versions).toEqual(versions.map((_, i) => i + 1));
          expect((await store.readStream(id)).streamVersion).toBe(versions.length);
        }
      });
    });

    describe('event ids', () => {
      it('writes an append repeated with the same event ids once', async () => {
        const id = streamId();
        const batch = [reported(1, { eventId: uuidv7() }), reported(2, { eventId: uuidv7() })];
        const first = await store.appendToStream(id, batch, { expectedVersion: 'no_stream' });
        const again = await store.appendToStream(id, batch, { expectedVersion: 'no_stream' });
        expect(again).toEqual({ streamVersion: 2, lastGlobalPosition: first.lastGlobalPosition, written: 0 });
        expect((await store.readStream(id)).events).toHaveLength(2);
      });

      it('refuses an append that repeats only some stored event ids, writing none of it', async () => {
        const id = streamId();
        const stored = reported(1, { eventId: uuidv7() });
        await store.appendToStream(id, [stored]);
        await expect(store.appendToStream(id, [reported(2), stored])).rejects.toBeInstanceOf(PartialDuplicateAppendError);
        expect((await store.readStream(id)).streamVersion).toBe(1);
      });
    });

    describe('bad input', () => {
      it.each([
        ['a Date', { at: new Date() }],
        ['a bigint', { amount: BigInt(1) }],
        ['NaN', { score: Number.NaN }],
        ['a function', { run: () => 1 }],
        ['a Map', { index: new Map() }],
      ])('rejects data holding %s before writing anything', async (_, data) => {
        const id = streamId();
        const error = await store.appendToStream(id, [reported(1), { type: 'CaseUpdated', data }]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidEventError);
        expect((error as InvalidEventError).details.field).toMatch(/^events\[1\]\.data\./);
        expect((await store.readStream(id)).streamExists).toBe(false);
      });

      it('rejects an empty stream id and an empty append', async () => {
        await expect(store.appendToStream('', [reported(1)])).rejects.toBeInstanceOf(InvalidEventError);
        await expect(store.appendToStream(streamId(), [])).rejects.toBeInstanceOf(InvalidEventError);
      });
    });

    describe('the global log', () => {
      it(`holds every event of ${writers} concurrent writers once, in increasing positions, each stream in order`, async () => {
        const head = await store.headPosition();
        const streams = Array.from({ length: 6 }, () => streamId());
        const ids = new Set(streams);
        const perWriter = 15;
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < perWriter; i++) {
              await store.appendToStream(streams[(w + i) % streams.length], [reported(w * 1000 + i)]);
            }
          }),
        );
        const total = writers * perWriter;
        const events = ownEvents(await readAllUntil(store, head, (seen) => ownEvents(seen, ids).length >= total), ids);
        expect(events).toHaveLength(total);
        expect(new Set(events.map((e) => e.eventId)).size).toBe(total);
        events.slice(1).forEach((e, i) => expect(e.globalPosition).toBeGreaterThan(events[i].globalPosition));
        for (const id of streams) {
          const versions = events.filter((e) => e.streamId === id).map((e) => e.streamVersion);
          expect(versions).toEqual(versions.map((_, i) => i + 1));
        }
      });

      it('reads after a position, in pages that join up without gaps or repeats', async () => {
        const id = streamId();
        const head = await store.headPosition();
        await store.appendToStream(
          id,
          Array.from({ length: 25 }, (_, i) => reported(i)),
        );
        const everything = ownEvents(await readAllUntil(store, head, (seen) => ownEvents(seen, new Set([id])).length >= 25), new Set([id]));
        const paged: RecordedEvent[] = [];
        let after = head;
        for (;;) {
          const page = await store.readAll({ after, limit: 7 });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(7);
          paged.push(...page);
          after = page[page.length - 1].globalPosition;
          if (paged.filter((e) => e.streamId === id).length >= 25) break;
        }
        expect(paged.filter((e) => e.streamId === id).map((e) => e.eventId)).toEqual(everything.map((e) => e.eventId));
        expect(await store.headPosition()).toBeGreaterThanOrEqual(everything[everything.length - 1].globalPosition);
      });

      it('tails from a checkpoint: a subscription gets what was appended after it and while it ran, once each', async () => {
        const id = streamId();
        await store.appendToStream(id, [reported(0)]);
        const checkpoint = (await store.readStream(id)).events[0].globalPosition;
        await store.appendToStream(id, [reported(1)]);
        const received: RecordedEvent[] = [];
        const subscription = subscribeToAll(store, {
          after: checkpoint,
          idleDelayMs: 10,
          onEvents: (events) => {
            received.push(...events.filter((e) => e.streamId === id));
          },
        });
        for (let n = 2; n <= 20; n++) await store.appendToStream(id, [reported(n)]);
        const deadline = Date.now() + 10_000;
        while (received.length < 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        await subscription.stop();
        expect(received.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(subscription.position).toBeGreaterThanOrEqual(received[received.length - 1].globalPosition);
      });
    });
  });
}
