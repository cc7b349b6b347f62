import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { PublicEvent, PublicEventData, PublicEventType } from '@gongzhi/contracts';
import { ConsumerStateStore, MESSAGING_ENTITIES } from '@gongzhi/messaging';
import { findRows, platformDataSource } from '@gongzhi/persistence';
import { postgresDataSource } from '@gongzhi/testing';
import { loadReferenceData } from '../reference-data/load-reference-data';
import { CaseFollower, CaseReporter } from './case-reporter.entity';
import { CaseView } from './case-view.entity';
import { caseViewsProjector } from './case-views.projector';
import { ReporterNotification } from './reporter-notification.entity';

const entities = [CaseView, CaseReporter, CaseFollower, ReporterNotification];
const sqliteDir = mkdtempSync(join(tmpdir(), 'gongzhi-case-views-'));
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

const databases: Array<[string, () => Promise<DataSource>]> = [
  ['PostgreSQL', () => postgresDataSource('case_views', entities)],
  [
    'SQLite',
    () =>
      platformDataSource({
        type: 'better-sqlite3',
        database: join(sqliteDir, 'read.sqlite'),
        entities: [...MESSAGING_ENTITIES, ...entities],
        synchronize: true,
      }).initialize(),
  ],
];

const projector = caseViewsProjector('grid-events', loadReferenceData(), 'Asia/Shanghai');

let sequence = 0;
function event<Type extends PublicEventType>(type: Type, data: PublicEventData<Type>, occurredAt: string): PublicEvent {
  sequence += 1;
  return {
    eventId: `event-${sequence}`,
    type,
    schemaVersion: type === 'CaseReported' ? 2 : 1,
    streamId: `case-${(data as { caseId: string }).caseId}`,
    streamVersion: sequence,
    occurredAt,
    recordedAt: occurredAt,
    correlationId: 'correlation',
    causationId: null,
    actor: { id: 'resident-1', kind: 'user' },
    data,
  } as unknown as PublicEvent;
}

const reported = (caseId: string) =>
  event(
    'CaseReported',
    {
      caseId,
      categoryCode: 'road-damage',
      description: '路面有个大坑',
      location: { lat: 31.2354, long: 121.4854 },
      address: null,
      gridId: 'grid-1',
      communityId: 'community-hexie',
      streetId: 'street-nanjingdong',
      reporterId: 'resident-1',
      anonymous: false,
      photoIds: [],
      reportedVia: 'resident',
    },
    '2026-12-05T02:00:00.000Z',
  );

describe.each(databases)('the case list and the reporters’ notifications on %s', (_, open) => {
  let dataSource: DataSource;
  let state: ConsumerStateStore;
  beforeAll(async () => {
    dataSource = await open();
    state = new ConsumerStateStore(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const apply = (events: readonly PublicEvent[], after?: () => void) =>
    state.processBatch(projector.name, events, async (e, manager) => {
      await projector.handle(e, manager);
      after?.();
    });
  const notificationsOf = (caseId: string) => findRows(dataSource.manager, ReporterNotification, { caseId });

  it('lists a reported case once and tells its reporter and followers once, however often the report comes', async () => {
    await dataSource.getRepository(CaseReporter).insert({ caseId: 'c-1', reporterId: 'resident-1', anonymous: false });
    await dataSource.getRepository(CaseFollower).insert({ caseId: 'c-1', followerId: 'resident-2', since: '2026-12-05T02:00:00.000Z' });
    const report = reported('c-1');
    await apply([report]);
    await apply([report]);
    expect(await dataSource.getRepository(CaseView).findOneByOrFail({ caseId: 'c-1' })).toMatchObject({
      status: 'Reported',
      lat: 31.2354,
      anonymous: false,
      overdue: false,
      afterPhotoIds: '[]',
      reportedAt: '2026-12-05T02:00:00.000Z',
    });
    const notifications = await notificationsOf('c-1');
    expect(notifications.map((n) => [n.recipientId, n.kind, n.deliveryAttempts, n.deliveredAt]).sort()).toEqual([
      ['resident-1', 'received', 0, null],
      ['resident-2', 'received', 0, null],
    ]);
  });

  it('keeps nothing of a batch that fails before its checkpoint, and applies the redelivery once', async () => {
    await dataSource.getRepository(CaseReporter).insert({ caseId: 'c-2', reporterId: 'resident-1', anonymous: false });
    const batch = [
      reported('c-2'),
      event(
        'CaseAccepted',
        {
          caseId: 'c-2',
          categoryCode: 'road-damage',
          gridId: 'grid-1',
          communityId: 'community-hexie',
          streetId: 'street-nanjingdong',
          reporterId: 'resident-1',
        },
        '2026-12-05T02:05:00.000Z',
      ),
    ];
    let handled = 0;
    await expect(
      apply(batch, () => {
        if (++handled === 2) throw new Error('the process dies before the checkpoint');
      }),
    ).rejects.toThrow('the process dies');
    expect(await dataSource.getRepository(CaseView).countBy({ caseId: 'c-2' })).toBe(0);
    expect(await notificationsOf('c-2')).toEqual([]);

    await apply(batch);
    await apply(batch);
    expect((await dataSource.getRepository(CaseView).findOneByOrFail({ caseId: 'c-2' })).status).toBe('Accepted');
    expect((await notificationsOf('c-2')).map((n) => n.kind).sort()).toEqual(['accepted', 'received']);
  });
});
