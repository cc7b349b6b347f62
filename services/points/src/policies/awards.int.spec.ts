import type { INestApplicationContext } from '@nestjs/common';
import { uuidv7, type NewEvent } from '@gongzhi/eventsourcing';
import { eventuallyReturns, freshTestDatabase } from '@gongzhi/testing';
import { Streams } from '../application/streams';
import { AWARDING_TOPICS } from '../points-consumers';
import { openPointsStack, type PointsStack } from '../testing/points-stack';

const gridWorker = { id: 'grid-worker-1', kind: 'user' as const, roles: ['grid_worker'] };
const officer = { id: 'officer-1', kind: 'user' as const, roles: ['community_officer'] };

const caseAccepted = (caseId: string, reporterId: string | null): NewEvent => ({
  type: 'CaseAccepted',
  data: { caseId, categoryCode: 'city.environment.litter', reporterId, gridId: 'grid-hexie-01', communityId: 'community-hexie', streetId: 'street-nanjingdong' },
  actor: gridWorker,
});

describe('points awarded from the other services’ public events (PostgreSQL stores, in-process bus)', () => {
  let stack: PointsStack;
  let app: INestApplicationContext;
  const streams = () => app.get(Streams);
  const balanceOf = async (residentId: string) => (await streams().ledgerState(residentId)).state.balance;

  beforeAll(async () => {
    stack = await openPointsStack(await freshTestDatabase('points'));
    app = await stack.start();
  });
  afterAll(() => stack.close());

  it('awards a valid report, council participation and an adopted suggestion once each, and nothing to the anonymous or self-confirmed', async () => {
    const resident = `resident-${uuidv7()}`;
    const topicId = uuidv7();
    await stack.gridEvents.appendToStream(`case-${uuidv7()}`, [caseAccepted(uuidv7(), resident)]);
    await stack.gridEvents.appendToStream(`case-${uuidv7()}`, [caseAccepted(uuidv7(), null)]);
    await stack.deliberation.appendToStream(`topic-${topicId}`, [
      { type: 'BallotCast', data: { topicId, voterId: resident, ballotId: uuidv7(), assisted: false }, actor: { id: resident, kind: 'user' } },
      { type: 'MeetingAttended', data: { topicId, meetingId: 'm1', residentId: resident, participation: 'in_person' }, actor: officer },
      { type: 'MeetingAttended', data: { topicId, meetingId: 'm2', residentId: resident, participation: 'online' }, actor: { id: resident, kind: 'user' } },
      {
        type: 'SuggestionAdopted',
        data: { topicId, title: '增设电动车充电桩', responsibleDepartmentIds: ['dept-zhujian'], anonymous: false, residentId: resident },
        actor: officer,
      },
    ]);

    const balance = await eventuallyReturns(() => balanceOf(resident), (b) => b >= 45);
    expect(balance).toBe(5 + 10 + 10 + 20);
    const { state } = await streams().ledgerState(resident);
    expect(Object.keys(state.withheld)).toHaveLength(1); // the meeting the resident checked themselves into
  });

  it('changes no balance when every event is delivered again', async () => {
    const resident = `resident-${uuidv7()}`;
    for (let i = 0; i < 3; i++) await stack.gridEvents.appendToStream(`case-${uuidv7()}`, [caseAccepted(uuidv7(), resident)]);
    await eventuallyReturns(() => balanceOf(resident), (b) => b === 15);
    const before = (await streams().ledgerState(resident)).events.length;

    await app.close();
    // Forget what the consumers applied and where they stood: the bus delivers every event once more.
    for (const name of [...AWARDING_TOPICS.map((t) => `points-awards-${t}`), 'points-own-reactions']) await stack.infrastructure.state.reset(name);
    app = await stack.start();
    const head = await stack.gridEvents.headPosition();
    await eventuallyReturns(
      () => stack.infrastructure.state.position(`points-awards-${AWARDING_TOPICS[0]}`, `log:${AWARDING_TOPICS[0]}`),
      (p) => (p ?? 0) >= head,
    );
    expect(await balanceOf(resident)).toBe(15);
    expect((await streams().ledgerState(resident)).events).toHaveLength(before);
  });

  it('reverses the award of a case voided after its acceptance', async () => {
    const resident = `resident-${uuidv7()}`;
    const caseId = uuidv7();
    await stack.gridEvents.appendToStream(`case-${caseId}`, [caseAccepted(caseId, resident)]);
    await stack.gridEvents.appendToStream(`case-${uuidv7()}`, [caseAccepted(uuidv7(), resident)]);
    await eventuallyReturns(() => balanceOf(resident), (b) => b === 10);
    await stack.gridEvents.appendToStream(`case-${caseId}`, [{ type: 'CaseVoided', data: { caseId, reason: '现场核实无此问题' }, actor: gridWorker }]);
    expect(await eventuallyReturns(() => balanceOf(resident), (b) => b === 5)).toBe(5);
    const { events } = await streams().ledgerState(resident);
    expect(events.map((e) => e.type)).toEqual(['PointsAwarded', 'PointsAwarded', 'PointsReversed']);
  });

  it('awards verified volunteer hours 10 points an hour, and credits transferred hours to the recipient', async () => {
    const volunteer = `resident-${uuidv7()}`;
    const mother = `resident-${uuidv7()}`;
    const now = stack.clock.now();
    const as = (id: string) => ({ actor: { id, kind: 'user' as const, roles: ['resident'] }, now });
    await streams().ledger({ type: 'UpdateProfile', data: { residentId: mother, displayName: '张阿姨', communityId: 'community-hexie' } }, as(mother));
    await streams().timeBank(
      { type: 'LogHours', data: { residentId: volunteer, entryId: 'e1', serviceDate: '2026-11-25', hours: 2.5, activity: '助老送餐', verifierId: 'organiser-1', communityId: 'community-hexie' } },
      as(volunteer),
    );
    await streams().timeBank({ type: 'VerifyHours', data: { residentId: volunteer, entryId: 'e1' } }, as('organiser-1'));
    expect(await eventuallyReturns(() => balanceOf(volunteer), (b) => b === 25)).toBe(25);

    const recipientKnown = await streams().knowsResident(mother);
    await streams().timeBank({ type: 'TransferHours', data: { residentId: volunteer, transferId: 't1', toResidentId: mother, hours: 1.5 } }, as(volunteer), {
      recipientKnown,
    });
    const hoursOf = async (id: string) => (await streams().timeBankState(id)).state.balance;
    expect(await eventuallyReturns(() => hoursOf(mother), (h) => h === 1.5)).toBe(1.5);
    expect(await hoursOf(volunteer)).toBe(1);
  });
});
