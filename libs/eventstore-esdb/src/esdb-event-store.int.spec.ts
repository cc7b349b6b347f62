import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '@gongzhi/testing';
import { EventStoreDbEventStore } from './esdb-event-store';

// Runs only when EVENTSTORE_URL names a server (jest.config.js leaves this file out otherwise).
describeEventStoreContract('EventStoreDB', { open: () => EventStoreDbEventStore.connect(process.env.EVENTSTORE_URL!) });

// Also in the contract's terms, for a store that shares its server with other services' stores.
describeEventStoreContract('EventStoreDB with a stream prefix', {
  open: () => EventStoreDbEventStore.connect(process.env.EVENTSTORE_URL!, { streamPrefix: `contract-${randomUUID()}/` }),
});

/** Every service's relay tails its own store's global log: on a shared server it must not see its neighbours' events. */
describe('EventStoreDB shared by two services', () => {
  const open = (service: string) => EventStoreDbEventStore.connect(process.env.EVENTSTORE_URL!, { streamPrefix: `${service}/` });

  it("reads back in its global log only its own service's events, named without the prefix", async () => {
    const run = randomUUID();
    const [grid, points] = await Promise.all([open(`grid-${run}`), open(`points-${run}`)]);
    try {
      const before = Math.max(await grid.headPosition(), await points.headPosition());
      await grid.appendToStream('case-1', [{ type: 'CaseReported', data: { n: 1 } }]);
      await points.appendToStream('points-r1', [{ type: 'PointsAwarded', data: { n: 2 } }]);
      await grid.appendToStream('case-2', [{ type: 'CaseReported', data: { n: 3 } }]);

      const seenByGrid = await grid.readAll({ after: before });
      const seenByPoints = await points.readAll({ after: before });

      expect(seenByGrid.map((e) => e.streamId)).toEqual(['case-1', 'case-2']);
      expect(seenByPoints.map((e) => e.streamId)).toEqual(['points-r1']);
      expect((await points.readStream('case-1')).streamExists).toBe(false);
    } finally {
      await Promise.all([grid.close(), points.close()]);
    }
  });
});
