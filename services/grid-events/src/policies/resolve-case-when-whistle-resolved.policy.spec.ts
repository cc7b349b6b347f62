import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { handleCommand, toDomainEvent, uuidv7, type RecordedEvent } from '@gongzhi/eventsourcing';
import { InMemoryEventStore } from '@gongzhi/testing';
import type { EntityManager } from 'typeorm';
import type { ExecuteCaseCommand } from '../commands/execute-case-command';
import type { CaseCommand } from '../domain/case/case.commands';
import { caseDecider } from '../domain/case/case.decider';
import { caseStreamId, type CaseEvent } from '../domain/case/case.events';
import { resolveCaseWhenWhistleResolved } from './resolve-case-when-whistle-resolved.policy';

const now = new Date('2026-11-26T12:00:00.000Z');
const officer = { actor: { id: 'demo-street-officer', kind: 'user' as const }, now };
const place = { gridId: 'grid-hexie-01', communityId: 'community-hexie', streetId: 'street-nanjingdong' };

function setUp() {
  const store = new InMemoryEventStore(() => now);
  const cases = {
    execute: (caseId: string, command: CaseCommand, metadata: Parameters<typeof handleCommand>[4]) =>
      handleCommand(store, caseDecider, caseStreamId(caseId), command, metadata),
    now: () => now,
  };
  const commandBus = { execute: ({ data: { caseId, command, metadata } }: ExecuteCaseCommand) => cases.execute(caseId, command, metadata) };
  const policy = resolveCaseWhenWhistleResolved(commandBus, cases, { autoCloseAfterHours: 72 });
  const deliver = (event: PublicEvent) => policy.handle(event, undefined as unknown as EntityManager);
  const types = async (caseId: string) => (await store.readStream(caseStreamId(caseId))).events.map((e: RecordedEvent) => e.type);
  const stored = async (caseId: string) => (await store.readStream(caseStreamId(caseId))).events.map((e) => toDomainEvent<CaseEvent>(e));
  return { store, cases, deliver, types, stored };
}

async function reportAndEscalate(cases: ReturnType<typeof setUp>['cases'], caseId: string) {
  const commands: CaseCommand[] = [
    {
      type: 'ReportCase',
      data: {
        caseId,
        categoryCode: 'order.street-vending',
        description: '夜市摊位堵了消防通道',
        location: { lat: 31.2385, long: 121.4778 },
        address: null,
        ...place,
        reporterId: 'demo-resident',
        anonymous: false,
        photoIds: [],
        reportedVia: 'resident',
      },
    },
    { type: 'AcceptCase', data: { categoryCode: 'order.street-vending' } },
    { type: 'EscalateCase', data: { departmentIds: ['dept-chengguan', 'dept-jiaojing'], note: null } },
  ];
  for (const command of commands) await cases.execute(caseId, command, officer);
}

function whistleResolved(data: { caseId: string | null; streetId?: string }): PublicEvent {
  const parsed = publicEvents.parse({
    eventId: uuidv7(),
    type: 'WhistleResolved',
    schemaVersion: 1,
    streamId: 'whistle-w-1',
    streamVersion: 6,
    occurredAt: now.toISOString(),
    correlationId: 'corr-1',
    data: {
      whistleId: 'w-1',
      streetId: 'street-nanjingdong',
      departmentIds: ['dept-chengguan', 'dept-jiaojing'],
      summary: 'dept-chengguan: 摊位已清理\ndept-jiaojing: 已设禁停标志',
      photoIds: ['photo-1', 'photo-2'],
      ...data,
    },
  });
  if (parsed.kind !== 'ok') throw new Error(JSON.stringify(parsed));
  return parsed.event;
}

describe('policy: resolve the case when its whistle is resolved', () => {
  it("resolves the escalated case with the departments' notes and photos, and asks the reporter to confirm", async () => {
    const { cases, deliver, types, stored } = setUp();
    await reportAndEscalate(cases, 'c-1');
    await deliver(whistleResolved({ caseId: 'c-1' }));
    expect(await types('c-1')).toEqual(['CaseReported', 'CaseAccepted', 'CaseEscalated', 'CaseResolved']);
    expect((await stored('c-1')).at(-1)!.data).toEqual({
      caseId: 'c-1',
      notes: 'dept-chengguan: 摊位已清理\ndept-jiaojing: 已设禁停标志',
      afterPhotoIds: ['photo-1', 'photo-2'],
      autoCloseAt: '2026-11-29T12:00:00.000Z',
    });
  });

  it('changes nothing for a repeated event, a resolved or closed case, an unknown case or another street, without failing', async () => {
    const { cases, deliver, types } = setUp();
    await reportAndEscalate(cases, 'c-2');
    const event = whistleResolved({ caseId: 'c-2' });
    await deliver(event);
    await deliver(event);
    await deliver(whistleResolved({ caseId: 'c-2' }));
    expect(await types('c-2')).toEqual(['CaseReported', 'CaseAccepted', 'CaseEscalated', 'CaseResolved']);

    await reportAndEscalate(cases, 'c-3');
    await deliver(whistleResolved({ caseId: 'c-3', streetId: 'street-waitan' }));
    expect(await types('c-3')).toEqual(['CaseReported', 'CaseAccepted', 'CaseEscalated']);

    await expect(deliver(whistleResolved({ caseId: 'no-such-case' }))).resolves.toBeUndefined();
    await expect(deliver(whistleResolved({ caseId: null }))).resolves.toBeUndefined();
  });

  it('ignores the other events of department-dispatch', async () => {
    const { cases, deliver, types } = setUp();
    await reportAndEscalate(cases, 'c-4');
    const parsed = publicEvents.parse({
      eventId: uuidv7(),
      type: 'CheckInMissed',
      schemaVersion: 1,
      streamId: 'whistle-w-1',
      streamVersion: 2,
      occurredAt: now.toISOString(),
      data: { whistleId: 'w-1', departmentId: 'dept-jiaojing', dueAt: now.toISOString() },
    });
    if (parsed.kind !== 'ok') throw new Error('invalid');
    await deliver(parsed.event);
    expect(await types('c-4')).toEqual(['CaseReported', 'CaseAccepted', 'CaseEscalated']);
  });
});
