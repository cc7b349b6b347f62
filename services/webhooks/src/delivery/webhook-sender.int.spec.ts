import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import { WEBHOOK_ENTITIES, WebhookDelivery, WebhookSubscription } from '../webhook.entities';
import { generateSigningSecret } from './webhook-signature';
import { WebhookSender } from './webhook-sender';
import { platformDataSource } from '@gongzhi/persistence';

describe('the webhook sender against a real receiver', () => {
  const clock = new ManualClock(new Date('2026-11-26T09:00:00.000Z'));
  let dir: string;
  let dataSource: DataSource;
  let server: Server;
  let url: string;
  /** Posts the receiver has read in full, per event: a request the sender gave up on may still arrive late. */
  const postsOf = new Map<string, number>();
  let answer: 'hang' | 'ok' = 'ok';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongzhi-webhook-sender-'));
    dataSource = await platformDataSource({
      type: 'better-sqlite3',
      database: join(dir, 'read.sqlite'),
      entities: WEBHOOK_ENTITIES,
      synchronize: true,
    }).initialize();
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { eventId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { eventId: string };
        postsOf.set(eventId, (postsOf.get(eventId) ?? 0) + 1);
        if (answer === 'ok') response.writeHead(200).end();
        // 'hang': never answer; the sender's timeout must end the wait.
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function owe(eventId: string): Promise<void> {
    const now = clock.now().toISOString();
    const subscriptionId = `sub-${eventId}`;
    await dataSource.getRepository(WebhookSubscription).insert({
      id: subscriptionId,
      url,
      eventTypes: '["CaseReported"]',
      departmentId: null,
      streetId: null,
      secret: generateSigningSecret(),
      status: 'active',
      pausedReason: null,
      createdBy: 'admin',
      createdAt: now,
    });
    await dataSource.getRepository(WebhookDelivery).insert({
      id: `d-${eventId}`,
      subscriptionId,
      eventId,
      eventType: 'CaseReported',
      topic: 'gongzhi.grid-events.v1',
      position: 1,
      body: JSON.stringify({ eventId, type: 'CaseReported' }),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastStatusCode: null,
      lastError: null,
      lastAttemptAt: null,
      deliveredAt: null,
      createdAt: now,
    });
  }
  const delivery = (eventId: string) => dataSource.getRepository(WebhookDelivery).findOneByOrFail({ eventId });

  it('gives up on a receiver that does not answer within the timeout, and schedules a retry', async () => {
    answer = 'hang';
    await owe('evt-hang');
    const sender = new WebhookSender({ dataSource, clock, timeoutMs: 300 });
    expect(await sender.sendDue()).toBe(1);
    expect(await delivery('evt-hang')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'no answer within 300 ms',
      nextAttemptAt: '2026-11-26T09:00:30.000Z',
    });
  });

  it('posts a delivery once when two senders (two replicas) look at the same moment', async () => {
    answer = 'ok';
    clock.advance({ minutes: 1 }); // the hung delivery's retry is due too now
    await owe('evt-race');
    const [a, b] = [new WebhookSender({ dataSource, clock }), new WebhookSender({ dataSource, clock })];
    const attempts = await Promise.all([a.sendDue(), b.sendDue()]);
    expect(attempts[0] + attempts[1]).toBe(2);
    // Counted per event: the first test's hung post can reach the receiver after its sender gave up on it.
    expect(postsOf.get('evt-race')).toBe(1);
    expect(await delivery('evt-race')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await delivery('evt-hang')).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});
