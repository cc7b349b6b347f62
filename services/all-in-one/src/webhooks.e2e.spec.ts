import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@gongzhi/eventsourcing';
import { gridEventsService } from '@gongzhi/grid-events';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { nextAttemptDelaySeconds, WEBHOOKS_RUNTIME, webhooksService, type WebhooksRuntime } from '@gongzhi/webhooks';
import { TestReceiver, type ReceivedRequest } from './testing/webhook-receiver';

const API = '/api/webhooks/subscriptions';
const inHexie01 = { lat: 31.2385, long: 121.4778 };

/** The receiver's own check, from the Standard Webhooks specification: HMAC-SHA256 of "<id>.<timestamp>.<body>". */
function signatureIsValid(secret: string, request: ReceivedRequest): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = request.headers;
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64');
  return signature === `v1,${expected}`;
}

function countById(requests: readonly ReceivedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r.headers['webhook-id'], (counts.get(r.headers['webhook-id']) ?? 0) + 1);
  return counts;
}

// Here in the host, not in services/webhooks: it composes two services, which only the host may import together.
describe('outbound webhooks: signed, retried, dead-lettered, replayable, from the event log', () => {
  const clock = new ManualClock(new Date('2026-11-26T09:00:00.000Z'));
  let dataDir: string;
  let receiver: TestReceiver;
  let app: TestApp;

  const start = () => startTestApp([gridEventsService, webhooksService], { clock, dataDir });
  const webhooks = () => app.app.get<WebhooksRuntime>(WEBHOOKS_RUNTIME);
  // The test moves its clock by hours and days, past a 15-minute access token: a token older than ten
  // minutes of the test's clock (or from before a restart) is replaced by a fresh login.
  const tokens = new Map<Role, { token: string; at: number; app: TestApp }>();
  const tokenOf = async (role: Role) => {
    const cached = tokens.get(role);
    if (cached && cached.app === app && clock.now().getTime() - cached.at < 10 * 60_000) return cached.token;
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    const token = await app.login(account.username, account.password);
    tokens.set(role, { token, at: clock.now().getTime(), app });
    return token;
  };
  const admin = () => tokenOf('admin');
  const deliveries = async (id: string) => (await app.request('GET', `${API}/${id}/deliveries`, { token: await admin() })).body.deliveries;

  async function subscribe(path: string, eventTypes = ['CaseReported']) {
    const created = await app.request('POST', API, { token: await admin(), body: { url: receiver.url(path), eventTypes } });
    expect(created.status).toBe(201);
    return created.body as { id: string; secret: string };
  }

  async function reportCase(description: string): Promise<string> {
    const body = { categoryCode: 'city.road.pothole', description, location: inHexie01 };
    const reported = await app.request('POST', '/api/cases', { token: await tokenOf('resident'), body });
    expect(reported.status).toBe(201);
    return reported.body.caseId;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-webhooks-'));
    receiver = await TestReceiver.start();
    app = await start();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets only an admin subscribe, to public event types, at an http(s) URL', async () => {
    const resident = await tokenOf('resident');
    const staff = await tokenOf('department_staff');
    const body = { url: receiver.url('/any'), eventTypes: ['CaseReported'] };
    expect((await app.request('POST', API, { token: resident, body })).status).toBe(403);
    expect((await app.request('POST', API, { token: staff, body })).status).toBe(403);
    expect((await app.request('GET', API, { token: resident })).status).toBe(403);
    expect((await app.request('POST', API, { body })).status).toBe(401);

    const unknown = await app.request('POST', API, { token: await admin(), body: { ...body, eventTypes: ['CaseReported', 'BallotChoiceRevealed'] } });
    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ path: 'eventTypes.1', message: expect.stringContaining('BallotChoiceRevealed') }] } });
    const ftp = await app.request('POST', API, { token: await admin(), body: { ...body, url: 'ftp://dept.example/hook' } });
    expect(ftp).toMatchObject({ status: 400, body: { errors: [{ path: 'url' }] } });
    const none = await app.request('POST', API, { token: await admin(), body: { ...body, eventTypes: [] } });
    expect(none).toMatchObject({ status: 400, body: { errors: [{ path: 'eventTypes' }] } });
    // Nothing half-made was kept.
    expect((await app.request('GET', API, { token: await admin() })).body.subscriptions).toEqual([]);
  });

  it('delivers every event exactly once by webhook-id to a receiver that fails, then recovers, across a restart', async () => {
    const subscription = await subscribe('/flaky');
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const listed = (await app.request('GET', API, { token: await admin() })).body.subscriptions;
    expect(listed).toEqual([expect.objectContaining({ id: subscription.id, status: 'active', eventTypes: ['CaseReported'] })]);
    expect(JSON.stringify(listed)).not.toContain(subscription.secret); // shown once, at creation

    receiver.answers.set('/flaky', 500);
    const caseIds = [await reportCase('井盖松动'), await reportCase('路灯不亮')];
    await eventuallyPasses(async () => {
      const owed = await deliveries(subscription.id);
      expect(owed).toHaveLength(2);
      for (const d of owed) {
        expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, nextAttemptAt: '2026-11-26T09:00:30.000Z' });
      }
    });
    // Not due yet by the clock: a pass sends nothing.
    expect(await webhooks().sender.sendDue()).toBe(0);

    // A restart in the middle: the deliveries owed, and the dispatcher's place in the log, are on disk.
    await app.close();
    app = await start();
    caseIds.push(await reportCase('垃圾满溢'));
    // Three owed, none twice; the new one has had its first (failed) attempt before the clock moves.
    await eventuallyPasses(async () => {
      expect((await deliveries(subscription.id)).map((d: { attempts: number }) => d.attempts)).toEqual([1, 1, 1]);
    });

    clock.advance({ seconds: 30 });
    await webhooks().sender.sendDue();
    await eventuallyPasses(async () => {
      expect((await deliveries(subscription.id)).map((d: { attempts: number }) => d.attempts)).toEqual([2, 2, 2]);
    });

    receiver.answers.set('/flaky', 204);
    clock.advance({ seconds: 60 });
    await webhooks().sender.sendDue();
    await eventuallyPasses(async () => {
      expect((await deliveries(subscription.id)).every((d: { status: string }) => d.status === 'delivered')).toBe(true);
    });
    clock.advance({ hours: 1 });
    await webhooks().sender.sendDue(); // nothing is left to send again

    const accepted = receiver.accepted('/flaky');
    expect([...countById(accepted).values()]).toEqual([1, 1, 1]);
    for (const request of accepted) {
      expect(signatureIsValid(subscription.secret, request)).toBe(true);
      expect(request.headers['webhook-timestamp']).toBe(String(Date.parse('2026-11-26T09:01:30.000Z') / 1000));
      const event = JSON.parse(request.body);
      expect(event).toMatchObject({ eventId: request.headers['webhook-id'], type: 'CaseReported', schemaVersion: expect.any(Number) });
    }
    expect(accepted.map((r) => JSON.parse(r.body).data.caseId).sort()).toEqual([...caseIds].sort());
    // Every failed attempt of an event carried the same webhook-id, so a receiver can deduplicate.
    expect(new Set(receiver.received.filter((r) => r.path === '/flaky').map((r) => r.headers['webhook-id'])).size).toBe(3);

    const [latest] = await deliveries(subscription.id);
    expect(latest).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 204, nextAttemptAt: null });
    expect(latest.lastAttempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([204, 500, 500]);
  });

  it('dead-letters a delivery after eight failed attempts, shows it, and sends it again on replay', async () => {
    const subscription = await subscribe('/down');
    receiver.answers.set('/down', 503);
    await reportCase('楼道堆物');
    await eventuallyPasses(async () => expect(await deliveries(subscription.id)).toMatchObject([{ attempts: 1 }]));
    for (let failed = 1; failed < 8; failed++) {
      clock.advance({ seconds: nextAttemptDelaySeconds(failed)! });
      await webhooks().sender.sendDue();
      expect((await deliveries(subscription.id))[0].attempts).toBe(failed + 1);
    }
    const [dead] = await deliveries(subscription.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 8, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null });
    expect(dead.lastAttempts).toHaveLength(5);
    clock.advance({ days: 1 });
    expect(await webhooks().sender.sendDue()).toBe(0); // a dead letter is never retried by itself
    expect(receiver.accepted('/down')).toEqual([]);

    receiver.answers.set('/down', 200);
    const replayed = await app.request('POST', `${API}/${subscription.id}/replay`, { token: await admin(), body: { fromPosition: dead.position } });
    expect(replayed).toMatchObject({ status: 202, body: { enqueued: 1 } });
    await eventuallyPasses(async () => expect(receiver.accepted('/down').map((r) => r.headers['webhook-id'])).toEqual([dead.eventId]));
    expect((await deliveries(subscription.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });

    // From the start of the log, the events from before the subscription are sent too.
    const fromStart = await app.request('POST', `${API}/${subscription.id}/replay`, { token: await admin(), body: { fromPosition: 0 } });
    expect(fromStart).toMatchObject({ status: 202, body: { enqueued: 4 } });
    await eventuallyPasses(async () => expect(countById(receiver.accepted('/down')).size).toBe(4));

    const wrong = await app.request('POST', `${API}/${subscription.id}/replay`, { token: await admin(), body: { fromPosition: -1 } });
    expect(wrong).toMatchObject({ status: 400, body: { errors: [{ path: 'fromPosition' }] } });
    const madeUp = await app.request('POST', `${API}/no-such-subscription/replay`, { token: await admin(), body: { fromPosition: 0 } });
    expect(madeUp.status).toBe(404);
    const byResident = await app.request('POST', `${API}/${subscription.id}/replay`, { token: await tokenOf('resident'), body: { fromPosition: 0 } });
    expect(byResident.status).toBe(403);
  });

  it('pauses a subscription whose receiver answers 410 Gone, and never follows a redirect', async () => {
    const gone = await subscribe('/gone');
    const moved = await subscribe('/moved');
    receiver.answers.set('/gone', 410);
    receiver.answers.set('/moved', { redirectTo: '/elsewhere' });
    await reportCase('共享单车乱停');

    await eventuallyPasses(async () => {
      const list = (await app.request('GET', API, { token: await admin() })).body.subscriptions;
      expect(list.find((s: { id: string }) => s.id === gone.id)).toMatchObject({ status: 'paused', pausedReason: expect.stringContaining('410') });
      expect((await deliveries(moved.id))[0]).toMatchObject({ attempts: 1, lastStatusCode: 302, lastError: expect.stringContaining('not followed') });
    });
    expect((await deliveries(gone.id))[0]).toMatchObject({ status: 'pending', lastStatusCode: 410 });
    expect(receiver.received.filter((r) => r.path === '/elsewhere')).toEqual([]);

    receiver.answers.set('/gone', 200);
    const resumed = await app.request('POST', `${API}/${gone.id}/resume`, { token: await admin() });
    expect(resumed).toMatchObject({ status: 200, body: { status: 'active' } });
    await eventuallyPasses(async () => expect(receiver.accepted('/gone')).toHaveLength(1));

    expect((await app.request('DELETE', `${API}/${moved.id}`, { token: await admin() })).status).toBe(204);
    expect((await app.request('GET', `${API}/${moved.id}/deliveries`, { token: await admin() })).status).toBe(404);
  });
});
