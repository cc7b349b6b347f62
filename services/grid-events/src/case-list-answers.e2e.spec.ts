import { get as httpGet } from 'node:http';
import { defaultEdgeConfig } from '@gongzhi/platform';
import { ManualClock } from '@gongzhi/eventsourcing';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { gridEventsService } from './index';
import { caseListAnswer } from './queries/cases/cases.response';

const inHexie01 = { lat: 31.2385, long: 121.4778 };
const inHexie02 = { lat: 31.2385, long: 121.481 };
const hexie = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };

/** The embedded default keeps each list's answer until the lists change: these read it again right after each change. */
describe('case lists answered again: fresh after every change, and only ever the reader’s own', () => {
  const clock = new ManualClock();
  const edge = { rateLimits: { ...defaultEdgeConfig().rateLimits, caseReports: 1_000 } };
  let app: TestApp;
  let zhang: string;
  let zhao: string;
  /** One grid worker's token for grid 1, and a later one of the same person moved to grid 2. */
  let workerOfGrid1: string;
  let sameWorkerOfGrid2: string;
  let workerOfGrid3: string;

  const resident = (name: string) =>
    app.tokenAs({
      subject: `resident-${name}`,
      roles: ['resident'],
      scope: { ...hexie, gridId: 'grid-hexie-01' },
      verification: 'verified',
    });
  const gridWorker = (gridId: string) =>
    app.tokenAs({ subject: 'grid-worker-lists', roles: ['grid_worker'], scope: { ...hexie, gridId }, verification: 'verified' });
  const report = async (token: string, description: string, location = inHexie01) => {
    clock.advance({ seconds: 10 });
    const { status, body } = await app.request('POST', '/api/cases', {
      token,
      body: { categoryCode: 'city.road.pothole', description, location },
    });
    expect(status).toBe(201);
    return body.caseId as string;
  };
  const listOf = async (query: string, token: string) => {
    const { status, body } = await app.request('GET', `/api/cases?${query}`, { token });
    expect(status).toBe(200);
    return caseListAnswer.parse(body).cases.map((c) => `${c.description} ${c.status}`);
  };
  /** Node's own client: fetch would add `cache-control: no-cache` to a conditional request, as the Fetch standard says. */
  const get = (query: string, token: string, etag?: string) =>
    new Promise<{ status: number; etag: string | undefined; body: string }>((resolve, reject) => {
      const headers = { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) };
      httpGet(`${app.url}/api/cases?${query}`, { headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, etag: response.headers.etag, body }));
      }).on('error', reject);
    });
  const descriptionsIn = (body: string) => caseListAnswer.parse(JSON.parse(body)).cases.map((c) => c.description);

  beforeAll(async () => {
    app = await startTestApp([gridEventsService], { clock, edge });
    [zhang, zhao] = [await resident('answers-zhang'), await resident('answers-zhao')];
    [workerOfGrid1, sameWorkerOfGrid2] = [await gridWorker('grid-hexie-01'), await gridWorker('grid-hexie-02')];
    workerOfGrid3 = await gridWorker('grid-hexie-03');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a resident the case they just reported, though their list was answered a moment before, and not to their neighbour', async () => {
    expect(await listOf('mine=true', zhang)).toEqual([]);
    expect(await listOf('mine=true', zhao)).toEqual([]);
    await report(zhang, '张：楼道灯坏了');
    await eventuallyPasses(async () => expect(await listOf('mine=true', zhang)).toEqual(['张：楼道灯坏了 Reported']));
    expect(await listOf('mine=true', zhao)).toEqual([]);
  });

  it("takes a case out of the grid's triage queue once it is accepted, and shows its reporter the new status", async () => {
    const caseId = await report(zhang, '张：井盖松动');
    await eventuallyPasses(async () =>
      expect(await listOf('status=Reported', workerOfGrid1)).toEqual(['张：井盖松动 Reported', '张：楼道灯坏了 Reported']),
    );
    expect(await listOf('mine=true', zhang)).toEqual(['张：井盖松动 Reported', '张：楼道灯坏了 Reported']);

    expect((await app.request('POST', `/api/cases/${caseId}/accept`, { token: workerOfGrid1 })).status).toBe(200);
    await eventuallyPasses(async () => expect(await listOf('status=Reported', workerOfGrid1)).toEqual(['张：楼道灯坏了 Reported']));
    expect(await listOf('mine=true', zhang)).toEqual(['张：井盖松动 Accepted', '张：楼道灯坏了 Reported']);
    expect(await listOf('status=Accepted', workerOfGrid1)).toEqual(['张：井盖松动 Accepted']);
  });

  it('shows a case the resident follows in their list on the very next read', async () => {
    expect(await listOf('mine=true', zhao)).toEqual([]);
    const accepted = (await listOf('status=Accepted', workerOfGrid1)).length;
    expect(accepted).toBe(1);
    const { body } = await app.request('GET', '/api/cases?status=Accepted', { token: workerOfGrid1 });
    expect((await app.request('POST', `/api/cases/${body.cases[0].caseId}/follow`, { token: zhao })).status).toBe(200);
    // No waiting: the follow is written before its answer, and the next read must not be an answer kept from before.
    expect(await listOf('mine=true', zhao)).toEqual(['张：井盖松动 Accepted']);
  });

  it("answers the same query with each reader's own list: another grid, or the same person's token for another grid", async () => {
    await report(zhao, '赵：二网格的垃圾堆', inHexie02);
    await eventuallyPasses(async () => expect(await listOf('status=Reported', sameWorkerOfGrid2)).toEqual(['赵：二网格的垃圾堆 Reported']));
    expect(await listOf('status=Reported', workerOfGrid1)).toEqual(['张：楼道灯坏了 Reported']);
    expect(await listOf('status=Reported', sameWorkerOfGrid2)).toEqual(['赵：二网格的垃圾堆 Reported']);
    expect(await listOf('status=Reported', workerOfGrid3)).toEqual([]);
    // The residents ask the same query, each for their own cases; Zhang never sees Zhao's untriaged report.
    expect(await listOf('mine=true', zhao)).toEqual(['赵：二网格的垃圾堆 Reported', '张：井盖松动 Accepted']);
    expect(await listOf('mine=true', zhang)).toEqual(['张：井盖松动 Accepted', '张：楼道灯坏了 Reported']);
  });

  it('answers 304 Not Modified to a reader whose copy is current, and the new list once it changed', async () => {
    const first = await get('mine=true', zhang);
    expect(first.status).toBe(200);
    const etag = first.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await get('mine=true', zhang, etag)).toEqual({ status: 304, etag, body: '' });
    // Another reader's list is not Zhang's: the same tag gets Zhao the whole of Zhao's list.
    const zhaos = await get('mine=true', zhao, etag);
    expect(zhaos.status).toBe(200);
    expect(descriptionsIn(zhaos.body)).toEqual(['赵：二网格的垃圾堆', '张：井盖松动']);

    await report(zhang, '张：路灯不亮');
    await eventuallyPasses(async () => {
      const changed = await get('mine=true', zhang, etag);
      expect(changed.status).toBe(200);
      expect(changed.etag).not.toBe(etag);
      expect(descriptionsIn(changed.body)).toEqual(['张：路灯不亮', '张：井盖松动', '张：楼道灯坏了']);
    });
  });

  it('lists a case its reporter also follows once, in its place', async () => {
    const { body } = await app.request('GET', '/api/cases?mine=true', { token: zhang });
    const own = body.cases.find((c: { description: string }) => c.description === '张：井盖松动');
    expect((await app.request('POST', `/api/cases/${own.caseId}/follow`, { token: zhang })).status).toBe(200);
    expect(await listOf('mine=true', zhang)).toEqual(['张：路灯不亮 Reported', '张：井盖松动 Accepted', '张：楼道灯坏了 Reported']);
    expect(await listOf('mine=true&limit=2', zhang)).toEqual(['张：路灯不亮 Reported', '张：井盖松动 Accepted']);
  });
});
