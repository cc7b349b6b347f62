import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { PublicEvent, PublicEventData, PublicEventType } from '@gongzhi/contracts';
import { ConsumerStateStore, InboxEntry, MESSAGING_ENTITIES } from '@gongzhi/messaging';
import { platformDataSource } from '@gongzhi/persistence';
import { postgresDataSource } from '@gongzhi/testing';
import { DepartmentScore } from './department-score.entity';
import { dispatchProjector } from './dispatch.projector';
import { EscalatedCase } from './escalated-case.entity';
import { WhistleDepartmentView, WhistleView } from './work-views.entity';

const entities = [...(dispatchProjector.entities as Array<new () => object>), EscalatedCase];
const sqliteDir = mkdtempSync(join(tmpdir(), 'gongzhi-dispatch-views-'));
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

const databases: Array<[string, () => Promise<DataSource>]> = [
  ['PostgreSQL', () => postgresDataSource('dispatch_views', entities)],
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

let sequence = 0;
function event<Type extends PublicEventType>(type: Type, data: PublicEventData<Type>, occurredAt: string): PublicEvent {
  sequence += 1;
  return {
    eventId: `event-${sequence}`,
    type,
    schemaVersion: 1,
    streamId: `whistle-${(data as { whistleId: string }).whistleId}`,
    streamVersion: sequence,
    occurredAt,
    recordedAt: occurredAt,
    correlationId: 'correlation',
    causationId: null,
    actor: { id: 'street-officer', kind: 'user' },
    data,
  } as unknown as PublicEvent;
}

function blown(whistleId: string): PublicEvent {
  return event(
    'WhistleBlown',
    {
      whistleId,
      caseId: null,
      categoryCode: null,
      cityId: 'city-shanghai',
      districtId: 'district-huangpu',
      streetId: 'street-nanjingdong',
      title: '菜场周边占道经营',
      description: '涉及多个部门',
      departmentIds: ['dept-chengguan', 'dept-huanbao'],
      leadDepartmentId: 'dept-chengguan',
      checkInWithinMinutes: 30,
      checkInBy: '2026-12-05T02:30:00.000Z',
      escalationDelaysMinutes: { district: 30, city: 60 },
      taskWithinHours: { 'dept-chengguan': 24, 'dept-huanbao': 24 },
    },
    '2026-12-05T02:00:00.000Z',
  );
}

function checkedIn(whistleId: string): PublicEvent {
  return event(
    'DepartmentCheckedIn',
    {
      whistleId,
      caseId: null,
      departmentId: 'dept-chengguan',
      staffId: 'staff-1',
      checkedInAt: '2026-12-05T02:12:00.000Z',
      withinDeadline: true,
      minutesToCheckIn: 12,
      escalationLevel: null,
      taskDueBy: '2026-12-06T02:12:00.000Z',
    },
    '2026-12-05T02:12:00.000Z',
  );
}

describe.each(databases)('the whistle board and the scoreboard on %s', (_, open) => {
  let dataSource: DataSource;
  let state: ConsumerStateStore;
  beforeAll(async () => {
    dataSource = await open();
    state = new ConsumerStateStore(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const apply = (events: readonly PublicEvent[], after?: () => void) =>
    state.processBatch(dispatchProjector.name, events, async (e, manager) => {
      await dispatchProjector.handle(e, manager);
      after?.();
    });
  const scores = async () =>
    Object.fromEntries(
      (await dataSource.getRepository(DepartmentScore).findBy({ streetId: 'street-nanjingdong' })).map((s) => [
        s.departmentId,
        { summoned: s.summoned, checkedIn: s.checkedIn, minutes: s.checkInMinutesTotal },
      ]),
    );

  it('counts a whistle and a check-in once, however often they are delivered', async () => {
    const whistle = [blown('w-1'), checkedIn('w-1')];
    await apply(whistle);
    await apply(whistle);
    await apply([whistle[1]]);
    expect(await scores()).toEqual({
      'dept-chengguan': { summoned: 1, checkedIn: 1, minutes: 12 },
      'dept-huanbao': { summoned: 1, checkedIn: 0, minutes: 0 },
    });
    expect(await dataSource.getRepository(WhistleDepartmentView).findBy({ whistleId: 'w-1' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentId: 'dept-chengguan', lead: true, checkedInAt: '2026-12-05T02:12:00.000Z' }),
        expect.objectContaining({ departmentId: 'dept-huanbao', lead: false, checkedInAt: null, taskOverdue: false }),
      ]),
    );
    expect(await dataSource.getRepository(WhistleView).findOneByOrFail({ whistleId: 'w-1' })).toMatchObject({ status: 'summoned' });
  });

  it('leaves nothing half-written when the batch fails after its rows, and counts the redelivery once', async () => {
    const whistle = [blown('w-2'), checkedIn('w-2')];
    let written = 0;
    await expect(
      apply(whistle, () => {
        if (++written === 2) throw new Error('the process dies before the checkpoint');
      }),
    ).rejects.toThrow('the process dies');
    expect(await dataSource.getRepository(WhistleView).countBy({ whistleId: 'w-2' })).toBe(0);
    expect(await dataSource.getRepository(WhistleDepartmentView).countBy({ whistleId: 'w-2' })).toBe(0);
    expect(await dataSource.getRepository(InboxEntry).countBy({ eventId: whistle[0].eventId })).toBe(0);
    expect((await scores())['dept-chengguan']).toEqual({ summoned: 1, checkedIn: 1, minutes: 12 });

    await apply(whistle);
    await apply(whistle);
    expect(await scores()).toEqual({
      'dept-chengguan': { summoned: 2, checkedIn: 2, minutes: 24 },
      'dept-huanbao': { summoned: 2, checkedIn: 0, minutes: 0 },
    });
  });
});
