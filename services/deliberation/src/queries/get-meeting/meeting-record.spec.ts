import { GROUND_RULES, councilDecider } from '../../domain/council/council.decider';
import type { CouncilEvent } from '../../domain/council/council.events';
import type { Meeting } from '../../domain/council/council.state';
import { publicRecord } from './meeting-record';

const meetingId = 'm-1';
const at = '2026-11-26T09:00:00.000Z';
const dueAt = '2026-12-10T00:00:00.000Z';
const history: CouncilEvent[] = [
  {
    type: 'CouncilMeetingScheduled',
    data: {
      meetingId,
      communityId: 'community-hexie',
      topicId: null,
      title: '红茶议事会',
      scheduledAt: '2026-11-27T10:00:00.000Z',
      agenda: [{ itemId: 'item-1', title: '楼道堆物怎么清' }],
      groundRules: [...GROUND_RULES],
      moderatorId: 'resident-9',
      convenerId: 'officer-1',
    },
  },
  { type: 'CouncilMeetingStarted', data: { meetingId, startedAt: at } },
  {
    type: 'AgreementDrafted',
    data: {
      meetingId,
      agreementId: 'a-1',
      title: '楼道清理公约',
      terms: '每月第一个周六统一清理',
      parties: [
        { partyId: 'p-community', kind: 'community', name: '和谐社区居委会', signatoryId: 'officer-1' },
        { partyId: 'p-property', kind: 'property_company', name: '物业公司', signatoryId: 'property-1' },
      ],
      commitments: [{ commitmentId: 'c-1', partyId: 'p-property', description: '清运大件垃圾', dueAt }],
    },
  },
  { type: 'AgreementSigned', data: { meetingId, agreementId: 'a-1', partyId: 'p-community', signatoryId: 'officer-1', signedAt: at } },
  { type: 'AgreementSigned', data: { meetingId, agreementId: 'a-1', partyId: 'p-property', signatoryId: 'property-1', signedAt: at } },
  { type: 'AgreementConcluded', data: { meetingId, agreementId: 'a-1', concludedAt: at } },
  { type: 'CommitmentOverdue', data: { meetingId, agreementId: 'a-1', commitmentId: 'c-1', partyId: 'p-property', dueAt } },
];

describe("a meeting's public record (直播 and afterwards)", () => {
  const record = publicRecord(history.reduce(councilDecider.evolve, councilDecider.initialState()) as Meeting);

  it('shows the ground rules, when each party signed and an overdue commitment as overdue', () => {
    expect(record.groundRules).toEqual([...GROUND_RULES]);
    expect(record.agreement?.parties).toEqual([
      { partyId: 'p-community', kind: 'community', name: '和谐社区居委会', signedAt: at },
      { partyId: 'p-property', kind: 'property_company', name: '物业公司', signedAt: at },
    ]);
    expect(record.agreement?.commitments[0]).toMatchObject({ status: 'overdue' });
  });

  it('never says which account signs for a party', () => {
    expect(JSON.stringify(record)).not.toContain('signatoryId');
    expect(JSON.stringify(record)).not.toContain('property-1');
  });
});
