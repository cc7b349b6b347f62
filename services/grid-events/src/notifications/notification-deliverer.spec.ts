import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import { platformDataSource } from '@gongzhi/persistence';
import { ReporterNotification } from '../read-models/reporter-notification.entity';
import { NotificationDeliverer } from './notification-deliverer';
import type { NotificationGateway } from './notification-gateway';

describe('notification deliverer', () => {
  let dir: string;
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-12-05T02:00:00Z'));
  const delivered: string[] = [];
  let failing = 0;
  const gateway: NotificationGateway = {
    deliver: async (notification) => {
      if (failing-- > 0) throw new Error('gateway away');
      delivered.push(`${notification.recipientId}: ${notification.message.zh}`);
    },
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongzhi-notifications-'));
    dataSource = await platformDataSource({
      type: 'better-sqlite3',
      database: join(dir, 'read.sqlite'),
      entities: [ReporterNotification],
      synchronize: true,
    }).initialize();
    delivered.length = 0;
    failing = 0;
    await dataSource.getRepository(ReporterNotification).insert({
      id: 'event-1:resident-1',
      recipientId: 'resident-1',
      caseId: 'case-1',
      kind: 'received',
      messageZh: '已收到，正在处理',
      messageEn: 'Received, being handled',
      createdAt: '2026-12-05T01:59:00.000Z',
      readAt: null,
      deliveredAt: null,
    });
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = () => dataSource.getRepository(ReporterNotification).findOneByOrFail({ id: 'event-1:resident-1' });

  it('hands a notification to the gateway once and records when', async () => {
    const deliverer = new NotificationDeliverer(dataSource, gateway, clock);
    expect(await deliverer.deliverPending()).toBe(1);
    expect(await deliverer.deliverPending()).toBe(0);
    expect(delivered).toEqual(['resident-1: 已收到，正在处理']);
    expect(await stored()).toMatchObject({ deliveredAt: '2026-12-05T02:00:00.000Z', deliveryAttempts: 1 });
  });

  it('tries again after a failure, counting each attempt, and gives up after eight', async () => {
    const deliverer = new NotificationDeliverer(dataSource, gateway, clock);
    failing = 2;
    await deliverer.deliverPending();
    await deliverer.deliverPending();
    expect(await stored()).toMatchObject({ deliveredAt: null, deliveryAttempts: 2 });
    expect(await deliverer.deliverPending()).toBe(1);
    expect(await stored()).toMatchObject({ deliveredAt: '2026-12-05T02:00:00.000Z', deliveryAttempts: 3 });

    await dataSource.getRepository(ReporterNotification).update({ id: 'event-1:resident-1' }, { deliveredAt: null, deliveryAttempts: 0 });
    failing = 100;
    for (let i = 0; i < 10; i++) await deliverer.deliverPending();
    expect(await stored()).toMatchObject({ deliveredAt: null, deliveryAttempts: 8 });
  });
});
