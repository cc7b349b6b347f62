import { randomUUID } from 'node:crypto';
import { createOpenApiDocument } from '@gongzhi/platform';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { gridEventsService } from '../../index';

const inHexie01 = { lat: 31.2385, long: 121.4778 };

/** A report queued on a device in a basement, sent when the signal comes back — perhaps more than once. */
describe('reporting a case again with the same Idempotency-Key (a queued report sent after a reconnect)', () => {
  let app: TestApp;
  let resident: string;
  let gridWorker: string;
  beforeAll(async () => {
    app = await startTestApp([gridEventsService]);
    resident = await app.tokenFor('resident');
    gridWorker = await app.tokenFor('grid_worker');
  });
  afterAll(() => app?.close());

  const report = (description: string) => ({ categoryCode: 'city.road.pothole', description, location: inHexie01, anonymous: false });
  const send = (token: string, key: string, body: unknown) =>
    fetch(`${app.url}/api/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    }).then(async (response) => ({
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: (await response.json()) as any,
    }));

  async function casesReported(description: string): Promise<string[]> {
    const events = await app.platform.infrastructure.get('grid-events')!.eventStore.readAll();
    return events
      .filter((e) => e.type === 'CaseReported' && (e.data as { description?: string }).description === description)
      .map((e) => e.streamId);
  }

  it('makes one case from a report sent three times, and answers each send with the first answer', async () => {
    const key = randomUUID();
    const description = `楼道里的灯坏了 ${randomUUID()}`;
    // The first answer is lost on the way back (the signal dropped): the device only knows it must send again.
    const first = await send(resident, key, report(description));
    const second = await send(resident, key, report(description));
    const third = await send(resident, key, report(description));

    expect(first).toMatchObject({ status: 201, replayed: null, body: { status: 'Reported', gridId: 'grid-hexie-01' } });
    expect(second).toEqual({ ...first, replayed: 'true' });
    expect(third).toEqual({ ...first, replayed: 'true' });
    expect(await casesReported(description)).toHaveLength(1);
  });

  it("runs another caller's request with the same key and body as their own, never answering with the first caller's case", async () => {
    const key = randomUUID();
    const description = `井盖松动 ${randomUUID()}`;
    const mine = await send(resident, key, report(description));
    // Someone who learnt the resident's key sends it with the very same report, hoping for their answer.
    const theirs = await send(gridWorker, key, report(description));

    expect(mine.status).toBe(201);
    expect(theirs).toMatchObject({ status: 201, replayed: null });
    expect(theirs.body.caseId).not.toBe(mine.body.caseId);
    expect(await casesReported(description)).toHaveLength(2);
  });

  it('makes one service request of an Open311 POST sent twice with one key, answering the same XML twice', async () => {
    const key = randomUUID();
    const description = `垃圾桶满溢 ${randomUUID()}`;
    const fields = {
      api_key: 'demo-open311-key',
      service_code: 'environment.garbage.overflow',
      lat: '31.2385',
      long: '121.4778',
      description,
    };
    const post = () =>
      fetch(`${app.url}/open311/v2/requests.xml`, {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: new URLSearchParams(fields),
      }).then(async (r) => ({
        status: r.status,
        type: r.headers.get('content-type'),
        text: await r.text(),
      }));
    const first = await post();
    const again = await post();

    expect(first).toMatchObject({
      status: 201,
      type: expect.stringContaining('text/xml'),
      text: expect.stringContaining('<service_request_id>'),
    });
    expect(again).toEqual(first);
    expect(await casesReported(description)).toHaveLength(1);
  });

  it('refuses the same key with a different report, and stores nothing for it', async () => {
    const key = randomUUID();
    const description = `路灯不亮 ${randomUUID()}`;
    const other = `垃圾满溢 ${randomUUID()}`;
    await send(resident, key, report(description));
    const refused = await send(resident, key, report(other));

    expect(refused).toMatchObject({
      status: 422,
      body: {
        code: 'IDEMPOTENCY.KEY_REUSED',
        errors: [{ path: 'Idempotency-Key', message: expect.stringContaining('different request') }],
      },
    });
    expect(await casesReported(other)).toEqual([]);
  });

  it('makes one case from duplicates sent at the same time; the others are told to ask again, then get the answer', async () => {
    const key = randomUUID();
    const description = `电梯困人 ${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(resident, key, report(description))));

    const created = answers.filter((a) => a.status === 201);
    const busy = answers.filter((a) => a.status !== 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.caseId)).size).toBe(1);
    for (const answer of busy) expect(answer).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY.IN_PROGRESS' } });
    expect(await casesReported(description)).toHaveLength(1);
    expect((await send(resident, key, report(description))).body).toEqual(created[0]!.body);
  });

  it('refuses a key that is not an id, naming the header, and reports nothing', async () => {
    const description = `树倒了 ${randomUUID()}`;
    const refused = await send(resident, 'x', report(description));

    expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED', errors: [{ path: 'Idempotency-Key' }] } });
    expect(await casesReported(description)).toEqual([]);
  });

  it('runs a refused report again when it is fixed and sent with the same key', async () => {
    const key = randomUUID();
    const description = `占道经营 ${randomUUID()}`;
    const refused = await send(resident, key, { ...report(description), categoryCode: 'no.such.category' });
    const fixed = await send(resident, key, report(description));

    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(fixed.status).toBe(201);
    expect(await casesReported(description)).toHaveLength(1);
  });

  it('forgets a key after 24 hours of the clock: the same key then reports anew', async () => {
    const key = randomUUID();
    const description = `消防通道堵塞 ${randomUUID()}`;
    const first = await send(resident, key, report(description));
    app.clock.advance({ hours: 24, minutes: 1 });
    const fresh = await send(await app.login('demo-resident', 'demo-resident-2026'), key, report(description));

    expect(fresh.status).toBe(201);
    expect(fresh.body.caseId).not.toBe(first.body.caseId);
  });

  it('documents the Idempotency-Key header on the operations a client may send again', () => {
    const document = createOpenApiDocument(app.app, { title: 'grid-events' });
    const headerOf = (path: string) =>
      ((document.paths[path]?.post?.parameters ?? []) as Array<{ name?: string; in?: string }>).find((p) => p.name === 'Idempotency-Key');
    for (const path of [
      '/api/cases',
      '/api/cases/{caseId}/accept',
      '/api/cases/{caseId}/reject',
      '/api/cases/{caseId}/merge',
      '/open311/v2/{file}',
    ]) {
      expect({ path, header: headerOf(path) }).toEqual({ path, header: expect.objectContaining({ in: 'header', required: false }) });
    }
    expect(headerOf('/api/cases/{caseId}/void')).toBeUndefined();
  });
});
