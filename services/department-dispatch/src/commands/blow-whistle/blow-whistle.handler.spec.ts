import { type DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import type { Principal, PrincipalScope } from '@gongzhi/identity';
import type { ServiceInfrastructure } from '@gongzhi/runtime';
import { InMemoryEventStore } from '@gongzhi/testing';
import { WhistleCommands } from '../../application/whistle-commands';
import { EscalatedCase } from '../../read-models/escalated-case.entity';
import { DepartmentRegistry } from '../../registry/department-registry';
import { BlowWhistle } from './blow-whistle.command';
import { BlowWhistleHandler } from './blow-whistle.handler';
import type { BlowWhistleRequest } from './blow-whistle.request';
import { platformDataSource } from '@gongzhi/persistence';

const BLOWN_AT = '2026-11-26T09:00:00.000Z';
const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };
const nanjingdong = { ...huangpu, streetId: 'street-nanjingdong' };
const officerOf = (scope: PrincipalScope): Principal => ({
  subject: 'officer-1',
  roles: ['street_officer'],
  scope,
  verification: 'verified',
});
const form = (fields: Partial<BlowWhistleRequest> = {}): BlowWhistleRequest => ({
  title: '占道经营',
  description: '夜市摊位占用消防通道',
  caseId: null,
  categoryCode: null,
  departmentIds: ['dept-chengguan', 'dept-zhujian'],
  leadDepartmentId: 'dept-chengguan',
  ...fields,
});

describe('blowing the whistle (吹哨): the handler fills in what the form leaves out and refuses what the officer may not do', () => {
  let dataSource: DataSource;
  let store: InMemoryEventStore;
  let infrastructure: ServiceInfrastructure;

  beforeEach(async () => {
    dataSource = await platformDataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [EscalatedCase],
      synchronize: true,
    }).initialize();
    const clock = new ManualClock(new Date(BLOWN_AT));
    store = new InMemoryEventStore(() => clock.now());
    // The handler reads only the event store, the database and the clock of its infrastructure.
    infrastructure = { eventStore: store, dataSource, clock } as unknown as ServiceInfrastructure;
  });
  afterEach(() => dataSource.destroy());

  const blow = (request: BlowWhistleRequest, principal = officerOf(nanjingdong), registry = DepartmentRegistry.demoCity()) =>
    new BlowWhistleHandler(new WhistleCommands(infrastructure, registry), registry, infrastructure).execute(
      new BlowWhistle({ streetId: 'street-nanjingdong', principal, request }),
    );
  const recorded = async () => (await store.readAll()).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));

  it("holds each department to its own deadline from the registry, and the registry's check-in and escalation times", async () => {
    const view = await blow(form());
    expect(view).toMatchObject({ status: 'Summoned', checkInBy: '2026-11-26T09:30:00.000Z', escalationDelays: { district: 30, city: 60 } });
    expect(view.status !== 'None' && view.departments.map((d) => [d.departmentId, d.taskWithinHours])).toEqual([
      ['dept-chengguan', 24],
      ['dept-zhujian', 72],
    ]);
    expect(await recorded()).toEqual([
      expect.objectContaining({
        type: 'WhistleBlown',
        data: expect.objectContaining({ ...nanjingdong, taskWithinHours: { 'dept-chengguan': 24, 'dept-zhujian': 72 } }),
      }),
    ]);
  });

  it("takes the form's deadlines over the registry's, for every department", async () => {
    await blow(form({ checkInWithinMinutes: 15, escalationDelaysMinutes: { district: 10, city: 20 }, taskWithinHours: 6 }));
    expect((await recorded())[0].data).toMatchObject({
      checkInBy: '2026-11-26T09:15:00.000Z',
      escalationDelaysMinutes: { district: 10, city: 20 },
      taskWithinHours: { 'dept-chengguan': 6, 'dept-zhujian': 6 },
    });
  });

  it('gives a department the registry file names without a deadline two days', async () => {
    const registry = DepartmentRegistry.parse({ departments: [{ id: 'dept-a', name: { zh: '甲', en: 'A' }, categories: [] }] }, '(spec)');
    await blow(form({ departmentIds: ['dept-a'], leadDepartmentId: 'dept-a' }), officerOf(nanjingdong), registry);
    expect((await recorded())[0].data).toMatchObject({ taskWithinHours: { 'dept-a': 48 } });
  });

  it("refuses another street's officer, an account naming no district and city, and a case escalated to another street, storing nothing", async () => {
    await expect(blow(form(), officerOf({ ...huangpu, streetId: 'street-waitan' }))).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(blow(form(), officerOf({ streetId: 'street-nanjingdong' }))).rejects.toMatchObject({ code: 'WHISTLE.FORBIDDEN' });
    await dataSource.getRepository(EscalatedCase).save({
      caseId: 'case-9',
      streetId: 'street-waitan',
      reason: 'cross_department',
      note: null,
      departmentIds: ['dept-chengguan', 'dept-zhujian'],
      escalatedAt: BLOWN_AT,
      whistleId: null,
    });
    await expect(blow(form({ caseId: 'case-9' }))).rejects.toMatchObject({ code: 'WHISTLE.FORBIDDEN', details: { field: 'caseId' } });
    expect(await recorded()).toEqual([]);
  });

  it('refuses a made-up department by its place in the list, so the stand-in deadline is never recorded', async () => {
    await expect(blow(form({ departmentIds: ['dept-chengguan', 'dept-nobody'] }))).rejects.toMatchObject({
      code: 'WHISTLE.UNKNOWN_DEPARTMENT',
      details: { field: 'departmentIds.1' },
    });
    expect(await recorded()).toEqual([]);
  });
});
