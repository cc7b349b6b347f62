import { InMemoryEventStore } from '@gongzhi/testing';
import { runWithRequestContext } from '@gongzhi/platform';
import { ObservedEventStore } from './observed-event-store';

describe('a service store seen through the platform', () => {
  it("stamps the request's correlation id on events appended while it is handled, unless the command named one", async () => {
    const store = new ObservedEventStore(new InMemoryEventStore());
    await runWithRequestContext({ correlationId: 'req-42' }, async () => {
      await store.appendToStream('case-1', [{ type: 'CaseReported', data: {} }]);
      await store.appendToStream('case-1', [{ type: 'CaseAccepted', data: {}, correlationId: 'named' }]);
    });
    await store.appendToStream('case-2', [{ type: 'CaseReported', data: {} }]);
    const events = await store.readAll();
    expect(events.map((e) => e.correlationId)).toEqual(['req-42', 'named', events[2].eventId]);
  });

  it('reports the events it really wrote, not a repeated append', async () => {
    const store = new ObservedEventStore(new InMemoryEventStore());
    const written: string[] = [];
    store.onWritten = (events) => written.push(...events.map((e) => e.type));
    const event = { eventId: '0190a1b2-0000-7000-8000-000000000001', type: 'CaseReported', data: {} };
    await store.appendToStream('case-1', [event]);
    await store.appendToStream('case-1', [event]);
    expect(written).toEqual(['CaseReported']);
  });

  it('stamps and reports appends to several streams at once like single ones, a refused one not counted', async () => {
    const store = new ObservedEventStore(new InMemoryEventStore());
    const written: string[] = [];
    store.onWritten = (events) => written.push(...events.map((e) => e.type));
    await store.appendToStream('voter-2', [{ type: 'BallotCast', data: { n: 0 } }]);
    const outcomes = await runWithRequestContext({ correlationId: 'req-7' }, () =>
      store.appendToStreams([
        { streamId: 'voter-1', events: [{ type: 'BallotCast', data: { n: 1 } }], options: { expectedVersion: 'no_stream' } },
        { streamId: 'voter-2', events: [{ type: 'BallotCast', data: { n: 2 } }], options: { expectedVersion: 'no_stream' } },
      ]),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect((await store.readStream('voter-1')).events.map((e) => e.correlationId)).toEqual(['req-7']);
    expect(written).toEqual(['BallotCast', 'BallotCast']); // voter-2's first, then voter-1's; not the refused one
  });
});
