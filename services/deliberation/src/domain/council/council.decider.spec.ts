import { SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import type { CouncilCommand } from './council.commands';
import { councilDecider, GROUND_RULES } from './council.decider';
import type { CouncilEvent } from './council.events';

const now = new Date('2026-11-26T09:00:00.000Z');
const officer: Caller = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const otherOfficer: Caller = { ...officer, subject: 'officer-2', scope: { communityId: 'community-other' } };
const moderator: Caller = {
  subject: 'resident-9',
  roles: ['resident'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const representative: Caller = {
  subject: 'resident-1',
  roles: ['resident'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const property: Caller = { subject: 'property-1', roles: ['department_staff'], scope: {}, verification: 'verified' };
const stranger: Caller = {
  subject: 'resident-2',
  roles: ['resident'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const deadline: Caller = { subject: 'deadline', roles: ['system'], scope: {}, verification: 'verified' };

/** The steps of the shared spec, answering nothing: a test that is one expression returns no value to jest. */
const voidOf = (decision: { then(expected: readonly CouncilEvent[]): unknown; thenThrows(code: string): unknown }) => ({
  then: (expected: readonly CouncilEvent[]): void => void decision.then(expected),
  thenThrows: (code: string): void => void decision.thenThrows(code),
});
const spec = deciderSpec(councilDecider, { actor: SYSTEM_ACTOR, caller: officer, now });

/** Every step names who takes it, and some when: the deadline's turn comes after the due date. */
const given = (history: CouncilEvent[]) => ({
  when: (command: CouncilCommand, caller: Caller, at = now) => voidOf(spec.given(history).when(command, { caller, now: at })),
});

const meetingId = 'm-1';
const agenda = [{ itemId: 'item-1', title: '楼道堆物怎么清' }];
const scheduled: CouncilEvent = {
  type: 'CouncilMeetingScheduled',
  data: {
    meetingId,
    communityId: 'community-hexie',
    topicId: null,
    title: '红茶议事会',
    scheduledAt: '2026-11-27T10:00:00.000Z',
    agenda,
    groundRules: [...GROUND_RULES],
    moderatorId: 'resident-9',
    convenerId: 'officer-1',
  },
};
const started: CouncilEvent = { type: 'CouncilMeetingStarted', data: { meetingId, startedAt: now.toISOString() } };
const dueAt = '2026-12-10T00:00:00.000Z';
const drafted: CouncilEvent = {
  type: 'AgreementDrafted',
  data: {
    meetingId,
    agreementId: 'a-1',
    title: '楼道清理公约',
    terms: '每月第一个周六统一清理',
    parties: [
      { partyId: 'p-community', kind: 'community', name: '和谐社区居委会', signatoryId: 'officer-1' },
      { partyId: 'p-residents', kind: 'residents_representative', name: '3 号楼居民代表', signatoryId: 'resident-1' },
      { partyId: 'p-property', kind: 'property_company', name: '物业公司', signatoryId: 'property-1' },
    ],
    commitments: [{ commitmentId: 'c-1', partyId: 'p-property', description: '清运大件垃圾', dueAt }],
  },
};
const signed = (partyId: string, signatoryId: string): CouncilEvent => ({
  type: 'AgreementSigned',
  data: { meetingId, agreementId: 'a-1', partyId, signatoryId, signedAt: now.toISOString() },
});
const concluded: CouncilEvent = { type: 'AgreementConcluded', data: { meetingId, agreementId: 'a-1', concludedAt: now.toISOString() } };
const allSigned = [
  scheduled,
  started,
  drafted,
  signed('p-community', 'officer-1'),
  signed('p-residents', 'resident-1'),
  signed('p-property', 'property-1'),
  concluded,
];

describe('council meetings (红茶议事会)', () => {
  it('is called by an officer of the community, with the ground rules for everyone', () => {
    const command: CouncilCommand = {
      type: 'ScheduleMeeting',
      data: {
        meetingId,
        communityId: 'community-hexie',
        topicId: null,
        title: '红茶议事会',
        scheduledAt: '2026-11-27T10:00:00.000Z',
        agenda,
        moderatorId: 'resident-9',
      },
    };
    given([]).when(command, officer).then([scheduled]);
    given([]).when(command, otherOfficer).thenThrows('MEETING.FORBIDDEN');
    given([])
      .when({ ...command, data: { ...command.data, agenda: [] } } as CouncilCommand, officer)
      .thenThrows('MEETING.AGENDA_INVALID');
  });

  it('is run by its moderator: start, decisions with figures, minutes, end', () => {
    given([scheduled]).when({ type: 'StartMeeting', data: {} }, stranger).thenThrows('MEETING.FORBIDDEN');
    given([scheduled]).when({ type: 'StartMeeting', data: {} }, moderator).then([started]);
    given([scheduled])
      .when({ type: 'RecordDecision', data: { decisionId: 'd-1', agendaItemId: null, text: 'x', figures: null } }, moderator)
      .thenThrows('MEETING.WRONG_STAGE');
    given([scheduled, started])
      .when(
        {
          type: 'RecordDecision',
          data: { decisionId: 'd-1', agendaItemId: 'item-1', text: '周六统一清理', figures: { inFavour: 12, against: 1, abstaining: 2 } },
        },
        moderator,
      )
      .then([
        {
          type: 'MeetingDecisionRecorded',
          data: {
            meetingId,
            decisionId: 'd-1',
            agendaItemId: 'item-1',
            text: '周六统一清理',
            figures: { inFavour: 12, against: 1, abstaining: 2 },
            recordedAt: now.toISOString(),
          },
        },
      ]);
    given([scheduled, started])
      .when({ type: 'RecordDecision', data: { decisionId: 'd-1', agendaItemId: 'item-9', text: 'x', figures: null } }, moderator)
      .thenThrows('MEETING.AGENDA_INVALID');
    given([scheduled, started])
      .when({ type: 'RecordMinutes', data: { minutes: '到会 15 人' } }, officer)
      .then([{ type: 'MeetingMinutesRecorded', data: { meetingId, minutes: '到会 15 人', recordedBy: 'officer-1' } }]);
    given([scheduled, started])
      .when({ type: 'EndMeeting', data: {} }, moderator)
      .then([{ type: 'CouncilMeetingEnded', data: { meetingId, endedAt: now.toISOString() } }]);
  });

  it('has an agreement signed by its parties only; the last signature concludes it', () => {
    const draft: CouncilCommand = { type: 'DraftAgreement', data: { ...drafted.data } as never };
    given([scheduled, started]).when(draft, moderator).then([drafted]);
    given([scheduled, started, drafted]).when(draft, moderator).thenThrows('AGREEMENT.ALREADY_EXISTS');
    given([scheduled, started])
      .when(
        {
          type: 'DraftAgreement',
          data: {
            ...(drafted.data as object),
            commitments: [{ commitmentId: 'c-1', partyId: 'p-nobody', description: 'x', dueAt }],
          } as never,
        },
        moderator,
      )
      .thenThrows('AGREEMENT.INVALID');
    const sign: CouncilCommand = { type: 'SignAgreement', data: {} };
    given([scheduled, started, drafted]).when(sign, stranger).thenThrows('AGREEMENT.FORBIDDEN');
    given([scheduled, started, drafted])
      .when(sign, officer)
      .then([signed('p-community', 'officer-1')]);
    given([scheduled, started, drafted, signed('p-community', 'officer-1')])
      .when(sign, officer)
      .thenThrows('AGREEMENT.ALREADY_SIGNED');
    given([scheduled, started, drafted, signed('p-community', 'officer-1')])
      .when(sign, representative)
      .then([signed('p-residents', 'resident-1')]);
    given([scheduled, started, drafted, signed('p-community', 'officer-1'), signed('p-residents', 'resident-1')])
      .when(sign, property)
      .then([signed('p-property', 'property-1'), concluded]);
  });

  it('tracks commitments: completed by their party, flagged overdue by the deadline once due', () => {
    const late = new Date('2026-12-11T00:00:00.000Z');
    given(allSigned)
      .when({ type: 'CompleteCommitment', data: { commitmentId: 'c-1', note: '已清运' } }, stranger)
      .thenThrows('COMMITMENT.FORBIDDEN');
    given(allSigned)
      .when({ type: 'CompleteCommitment', data: { commitmentId: 'c-1', note: '已清运' } }, property)
      .then([
        {
          type: 'CommitmentCompleted',
          data: {
            meetingId,
            agreementId: 'a-1',
            commitmentId: 'c-1',
            note: '已清运',
            completedBy: 'property-1',
            completedAt: now.toISOString(),
            late: false,
          },
        },
      ]);
    const flag: CouncilCommand = { type: 'FlagCommitmentOverdue', data: { commitmentId: 'c-1' } };
    given(allSigned).when(flag, officer, late).thenThrows('COMMITMENT.FORBIDDEN');
    given(allSigned).when(flag, deadline).thenThrows('COMMITMENT.NOT_DUE');
    const overdue: CouncilEvent = {
      type: 'CommitmentOverdue',
      data: { meetingId, agreementId: 'a-1', commitmentId: 'c-1', partyId: 'p-property', dueAt },
    };
    given(allSigned).when(flag, deadline, late).then([overdue]);
    given([...allSigned, overdue])
      .when(flag, deadline, late)
      .then([]);
  });
});
