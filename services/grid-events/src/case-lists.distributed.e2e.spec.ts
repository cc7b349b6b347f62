import { randomUUID } from 'node:crypto';
import { eventuallyPasses } from '@gongzhi/testing';
import { startDistributedGridEvents, type DistributedGridEvents } from './testing/distributed-grid-events';

/**
 * The case lists in distributed mode: the schema built by the migrations alone, the reporter rows' report times kept by
 * the projector from Kafka, and each list one statement on PostgreSQL.
 */
describe('case lists on PostgreSQL and Kafka (distributed mode)', () => {
  let grid: DistributedGridEvents;
  let call: DistributedGridEvents['call'];
  let worker: string;
  let resident: string;

  beforeAll(async () => {
    grid = await startDistributedGridEvents('lists');
    call = grid.call;
    worker = await grid.gridWorker('lists-worker');
    resident = await grid.newResident();
  });
  afterAll(() => grid?.close());

  it("lists a resident's newest cases with the one they follow, honours limit and status, and the grid's queue", async () => {
    const run = randomUUID().slice(0, 8);
    const neighbour = await grid.newResident();
    const report = async (token: string, description: string) => {
      const reported = await call('POST', '/api/cases', token, {
        categoryCode: 'city.road.pothole',
        description,
        location: { lat: 31.2385, long: 121.4778 },
      });
      expect(reported.status).toBe(201);
      return reported.body.caseId as string;
    };
    const first = await report(resident, `第一处坑 ${run}`);
    const followed = await report(neighbour, `邻居的坑 ${run}`);
    const third = await report(resident, `第三处坑 ${run}`);
    const descriptionsOf = async (query: string, token = resident) => {
      const { status, body } = await call('GET', `/api/cases?${query}`, token);
      expect(status).toBe(200);
      return (body.cases as { description: string }[]).map((c) => c.description);
    };
    await eventuallyPasses(async () => expect(await descriptionsOf('mine=true')).toEqual([`第三处坑 ${run}`, `第一处坑 ${run}`]), 30_000);
    expect((await call('POST', `/api/cases/${followed}/accept`, worker)).status).toBe(200);
    expect((await call('POST', `/api/cases/${followed}/follow`, resident)).status).toBe(200);
    await eventuallyPasses(
      async () => expect(await descriptionsOf('mine=true')).toEqual([`第三处坑 ${run}`, `邻居的坑 ${run}`, `第一处坑 ${run}`]),
      30_000,
    );
    expect(await descriptionsOf('mine=true&limit=2')).toEqual([`第三处坑 ${run}`, `邻居的坑 ${run}`]);
    // The acceptance reaches the case views on its own way from Kafka (the follow may be there first).
    await eventuallyPasses(async () => expect(await descriptionsOf('mine=true&status=Accepted')).toEqual([`邻居的坑 ${run}`]), 30_000);
    expect(await descriptionsOf('mine=true', neighbour)).toEqual([`邻居的坑 ${run}`]);
    // The topic outlives this database: cases of earlier runs may be in the grid's queue too.
    const queue = (await call('GET', '/api/cases?status=Reported&limit=200', worker)).body.cases as {
      caseId: string;
      reporterId: string;
    }[];
    expect(queue.filter((c) => [first, followed, third].includes(c.caseId)).map((c) => c.caseId)).toEqual([third, first]);
  });
});
