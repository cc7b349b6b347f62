import { randomUUID } from 'node:crypto';
import { eventuallyPasses } from '@gongzhi/testing';
import { startDistributedGridEvents, type DistributedGridEvents } from './testing/distributed-grid-events';

/**
 * The grid register in distributed mode: its PostgreSQL schema built by the migrations alone, its lists kept by the
 * projector from Kafka, and a facility's cases read from the case views there.
 */
describe('the grid register on PostgreSQL and Kafka (distributed mode)', () => {
  let grid: DistributedGridEvents;
  let call: DistributedGridEvents['call'];
  let worker: string;
  let resident: string;

  beforeAll(async () => {
    grid = await startDistributedGridEvents('register');
    call = grid.call;
    worker = await grid.gridWorker('register-worker');
    resident = await grid.newResident();
  });
  afterAll(() => grid?.close());

  it('lists a facility, its change and its case from the read models, and refuses a resident', async () => {
    const name = `消防栓 ${randomUUID().slice(0, 8)}`;
    const registered = await call('POST', '/api/grids/grid-hexie-01/base-records', worker, {
      kind: 'facility',
      facilityKind: 'hydrant',
      name,
      buildingName: null,
      lat: 31.2385,
      long: 121.4778,
      condition: 'working',
    });
    expect(registered.status).toBe(201);
    const facilityId = registered.body.recordId as string;
    expect((await call('PATCH', `/api/grids/grid-hexie-01/base-records/${facilityId}`, worker, { condition: 'faulty' })).status).toBe(200);
    const description = `消防栓漏水 ${randomUUID()}`;
    const reported = await call('POST', '/api/cases', resident, {
      categoryCode: 'city.road.pothole',
      description,
      location: { lat: 31.2385, long: 121.4778 },
      facilityId,
    });
    expect(reported.status).toBe(201);

    await eventuallyPasses(async () => {
      const list = await call('GET', '/api/grids/grid-hexie-01/base-records?kind=facility', worker);
      // The topic outlives this database: entries of earlier runs may be listed too.
      expect(list.body.records).toContainEqual(
        expect.objectContaining({
          recordId: facilityId,
          label: name,
          updatedBy: 'register-worker',
          details: expect.objectContaining({ condition: 'faulty' }),
        }),
      );
      const cases = await call('GET', `/api/grids/grid-hexie-01/facilities/${facilityId}/cases`, worker);
      expect(cases.body.cases).toEqual([expect.objectContaining({ caseId: reported.body.caseId, description })]);
    }, 30_000);
    expect((await call('GET', '/api/grids/grid-hexie-01/base-records', resident)).status).toBe(403);
  });
});
