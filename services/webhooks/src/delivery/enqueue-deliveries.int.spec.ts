import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { WEBHOOK_ENTITIES, WebhookDelivery, WebhookSubscription } from '../webhook.entities';
import { enqueueDeliveries } from './enqueue-deliveries';
import { platformDataSource } from '@gongzhi/persistence';

describe('owing events to subscriptions', () => {
  const now = new Date('2026-11-26T09:00:00.000Z');
  let dir: string;
  let dataSource: DataSource;
  let subscription: WebhookSubscription;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongzhi-webhook-enqueue-'));
    dataSource = await platformDataSource({
      type: 'better-sqlite3',
      database: join(dir, 'read.sqlite'),
      entities: WEBHOOK_ENTITIES,
      synchronize: true,
    }).initialize();
    subscription = Object.assign(new WebhookSubscription(), {
      id: 'sub-1',
      url: 'https://council-watch.example/hook',
      eventTypes: '["BallotCast"]',
      departmentId: null,
      streetId: null,
      secret: 'whsec_AAAA',
      status: 'active',
      pausedReason: null,
      createdBy: 'admin',
      createdAt: now.toISOString(),
    });
    await dataSource.getRepository(WebhookSubscription).insert(subscription);
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  // A stored event that, by a producer's mistake, carries how the resident voted.
  const leaky = {
    eventId: '019a0000-0000-7000-8000-000000000001',
    type: 'BallotCast',
    schemaVersion: 1,
    streamId: 'topic-t1',
    streamVersion: 7,
    occurredAt: now.toISOString(),
    globalPosition: 42,
    data: { topicId: 't1', voterId: 'resident-1', ballotId: 'b-1', assisted: false, choice: 'against' },
  };
  const parsed = () => {
    const result = publicEvents.parse(leaky);
    if (result.kind !== 'ok') throw new Error(`the sample breaks its contract: ${JSON.stringify(result)}`);
    return result.event as PublicEvent;
  };
  const rows = () => dataSource.getRepository(WebhookDelivery).find();

  it('posts the event as its contract has it: a field the contract does not name (a choice) never leaves', async () => {
    await dataSource.transaction((m) => enqueueDeliveries(m, [subscription], [parsed()], now));
    const [delivery] = await rows();
    expect(JSON.parse(delivery.body)).toMatchObject({ eventId: leaky.eventId, data: { ballotId: 'b-1' } });
    expect(delivery.body).not.toContain('choice');
    expect(delivery.body).not.toContain('against');
    expect(delivery).toMatchObject({ topic: 'gongzhi.deliberation.v1', position: 42, status: 'pending' });
  });

  it('owes an event seen again once, and a replay sends a finished one again from its first attempt', async () => {
    await dataSource.transaction((m) => enqueueDeliveries(m, [subscription], [parsed()], now));
    expect(await rows()).toHaveLength(1);

    await dataSource
      .getRepository(WebhookDelivery)
      .update({ eventId: leaky.eventId }, { status: 'dead', attempts: 8, nextAttemptAt: null });
    const later = new Date('2026-11-27T09:00:00.000Z');
    await dataSource.transaction((m) => enqueueDeliveries(m, [subscription], [parsed()], later, true));
    expect(await rows()).toEqual([expect.objectContaining({ status: 'pending', attempts: 0, nextAttemptAt: later.toISOString() })]);
  });

  it('owes nothing to a subscription that did not ask for the type', async () => {
    const other = { ...subscription, id: 'sub-2', eventTypes: '["VotingClosed"]' } as WebhookSubscription;
    expect(await dataSource.transaction((m) => enqueueDeliveries(m, [other], [parsed()], now))).toBe(0);
  });
});
