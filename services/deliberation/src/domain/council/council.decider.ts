import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { assertKnownCommunity } from '@gongzhi/identity';
import { assertOfficerOf, type Caller } from '../caller';
import type { CouncilCommand } from './council.commands';
import type { CouncilEvent } from './council.events';
import { evolveMeeting } from './council.evolve';
import { initialMeetingState, type Agreement, type Commitment, type Meeting, type MeetingState } from './council.state';

export const GROUND_RULES = ['不批评 No criticising', '不指责 No blaming', '不打断 No interrupting'] as const;

export interface CouncilContext extends DecisionContext {
  readonly caller: Caller;
}

function existing(state: MeetingState): Meeting {
  if (state.status === 'None') throw new DomainError('MEETING.NOT_FOUND', 'no such meeting');
  return state;
}

function expectStatus(meeting: Meeting, allowed: readonly Meeting['status'][], action: string): void {
  if (!allowed.includes(meeting.status)) {
    throw new DomainError('MEETING.WRONG_STAGE', `cannot ${action} a meeting that is ${meeting.status}`, { status: meeting.status });
  }
}

/** The moderator runs the meeting; the community's officers may stand in. */
function assertModerates(meeting: Meeting, caller: Caller): void {
  if (caller.subject === meeting.moderatorId) return;
  assertOfficerOf(caller, meeting.communityId, 'MEETING.FORBIDDEN');
}

function concludedAgreement(meeting: Meeting): Agreement {
  if (!meeting.agreement) throw new DomainError('AGREEMENT.NOT_FOUND', 'the meeting has no agreement');
  if (!meeting.agreement.concludedAt) throw new DomainError('AGREEMENT.NOT_CONCLUDED', 'not every party has signed the agreement yet');
  return meeting.agreement;
}

function commitmentOf(agreement: Agreement, commitmentId: string): Commitment {
  const commitment = agreement.commitments.find((c) => c.commitmentId === commitmentId);
  if (!commitment) throw new DomainError('COMMITMENT.NOT_FOUND', `no commitment ${commitmentId}`, { field: 'commitmentId' });
  return commitment;
}

function checkedAgreement(meeting: Meeting, data: Extract<CouncilCommand, { type: 'DraftAgreement' }>['data'], now: Date) {
  const partyIds = data.parties.map((p) => p.partyId);
  if (new Set(partyIds).size !== partyIds.length || partyIds.length < 2) {
    throw new DomainError('AGREEMENT.INVALID', 'an agreement has at least two parties, each with its own id', { field: 'parties' });
  }
  const commitmentIds = data.commitments.map((c) => c.commitmentId);
  if (new Set(commitmentIds).size !== commitmentIds.length || commitmentIds.length < 1) {
    throw new DomainError('AGREEMENT.INVALID', 'at least one commitment, each with its own id', { field: 'commitments' });
  }
  data.commitments.forEach((c, i) => {
    if (!partyIds.includes(c.partyId))
      throw new DomainError('AGREEMENT.INVALID', `commitment ${c.commitmentId} names no party of the agreement`, {
        field: `commitments.${i}.partyId`,
      });
    if (!(Date.parse(c.dueAt) > now.getTime()))
      throw new DomainError('AGREEMENT.INVALID', `commitment ${c.commitmentId} is due in the past`, { field: `commitments.${i}.dueAt` });
  });
  return {
    meetingId: meeting.meetingId,
    agreementId: data.agreementId,
    title: data.title,
    terms: data.terms,
    parties: data.parties.map((p) => ({ ...p })),
    commitments: data.commitments.map((c) => ({ ...c, dueAt: new Date(c.dueAt).toISOString() })),
  };
}

function decide(command: CouncilCommand, state: MeetingState, { caller, now }: CouncilContext): CouncilEvent[] {
  const at = now.toISOString();
  if (command.type === 'ScheduleMeeting') {
    if (state.status !== 'None') throw new DomainError('MEETING.ALREADY_EXISTS', 'this meeting exists');
    const { meetingId, communityId, topicId, title, scheduledAt, agenda, moderatorId } = command.data;
    assertKnownCommunity(communityId, 'MEETING.UNKNOWN_COMMUNITY');
    assertOfficerOf(caller, communityId, 'MEETING.FORBIDDEN');
    const itemIds = agenda.map((a) => a.itemId);
    if (agenda.length === 0 || new Set(itemIds).size !== itemIds.length) {
      throw new DomainError('MEETING.AGENDA_INVALID', 'an agenda has at least one item, each with its own id', { field: 'agenda' });
    }
    return [
      {
        type: 'CouncilMeetingScheduled',
        data: {
          meetingId,
          communityId,
          topicId,
          title,
          scheduledAt: new Date(scheduledAt).toISOString(),
          agenda: agenda.map((a) => ({ ...a })),
          groundRules: [...GROUND_RULES],
          moderatorId,
          convenerId: caller.subject,
        },
      },
    ];
  }
  const meeting = existing(state);
  const { meetingId } = meeting;
  switch (command.type) {
    case 'StartMeeting':
      assertModerates(meeting, caller);
      expectStatus(meeting, ['Scheduled'], 'start');
      return [{ type: 'CouncilMeetingStarted', data: { meetingId, startedAt: at } }];
    case 'RecordDecision': {
      assertModerates(meeting, caller);
      expectStatus(meeting, ['InSession'], 'record a decision of');
      const { decisionId, agendaItemId, text, figures } = command.data;
      if (agendaItemId !== null && !meeting.agenda.some((a) => a.itemId === agendaItemId)) {
        throw new DomainError('MEETING.AGENDA_INVALID', `no agenda item ${agendaItemId}`, { field: 'agendaItemId' });
      }
      return [
        {
          type: 'MeetingDecisionRecorded',
          data: { meetingId, decisionId, agendaItemId, text, figures: figures && { ...figures }, recordedAt: at },
        },
      ];
    }
    case 'RecordMinutes':
      assertModerates(meeting, caller);
      expectStatus(meeting, ['InSession', 'Ended'], 'take the minutes of');
      return [{ type: 'MeetingMinutesRecorded', data: { meetingId, minutes: command.data.minutes, recordedBy: caller.subject } }];
    case 'EndMeeting':
      assertModerates(meeting, caller);
      expectStatus(meeting, ['InSession'], 'end');
      return [{ type: 'CouncilMeetingEnded', data: { meetingId, endedAt: at } }];
    case 'DraftAgreement':
      assertModerates(meeting, caller);
      expectStatus(meeting, ['InSession', 'Ended'], 'draft an agreement in');
      if (meeting.agreement) throw new DomainError('AGREEMENT.ALREADY_EXISTS', 'the meeting has an agreement already');
      return [{ type: 'AgreementDrafted', data: checkedAgreement(meeting, command.data, now) }];
    case 'SignAgreement': {
      const agreement = meeting.agreement;
      if (!agreement) throw new DomainError('AGREEMENT.NOT_FOUND', 'the meeting has no agreement');
      const mine = agreement.parties.filter((p) => p.signatoryId === caller.subject);
      if (mine.length === 0) throw new DomainError('AGREEMENT.FORBIDDEN', 'only a signatory of a party to the agreement may sign it');
      const unsigned = mine.filter((p) => !agreement.signatures.some((s) => s.partyId === p.partyId));
      if (unsigned.length === 0) throw new DomainError('AGREEMENT.ALREADY_SIGNED', 'you signed the agreement already');
      const signed: CouncilEvent[] = unsigned.map((p) => ({
        type: 'AgreementSigned',
        data: { meetingId, agreementId: agreement.agreementId, partyId: p.partyId, signatoryId: caller.subject, signedAt: at },
      }));
      const complete = agreement.signatures.length + unsigned.length === agreement.parties.length;
      return complete
        ? [...signed, { type: 'AgreementConcluded', data: { meetingId, agreementId: agreement.agreementId, concludedAt: at } }]
        : signed;
    }
    case 'CompleteCommitment': {
      // Who may act is settled before the agreement's state: an outsider learns nothing about it.
      const signatories = meeting.agreement?.parties.map((p) => p.signatoryId) ?? [];
      if (!signatories.includes(caller.subject)) assertOfficerOf(caller, meeting.communityId, 'COMMITMENT.FORBIDDEN');
      const agreement = concludedAgreement(meeting);
      const commitment = commitmentOf(agreement, command.data.commitmentId);
      const party = agreement.parties.find((p) => p.partyId === commitment.partyId);
      if (party?.signatoryId !== caller.subject) assertOfficerOf(caller, meeting.communityId, 'COMMITMENT.FORBIDDEN');
      if (commitment.status === 'completed') throw new DomainError('COMMITMENT.ALREADY_COMPLETED', 'this commitment was completed already');
      return [
        {
          type: 'CommitmentCompleted',
          data: {
            meetingId,
            agreementId: agreement.agreementId,
            commitmentId: commitment.commitmentId,
            note: command.data.note,
            completedBy: caller.subject,
            completedAt: at,
            late: now.getTime() > Date.parse(commitment.dueAt),
          },
        },
      ];
    }
    case 'FlagCommitmentOverdue': {
      if (!caller.roles.includes('system')) throw new DomainError('COMMITMENT.FORBIDDEN', 'only the deadline flags a commitment overdue');
      const agreement = concludedAgreement(meeting);
      const commitment = commitmentOf(agreement, command.data.commitmentId);
      if (commitment.status !== 'open') return [];
      if (now.getTime() < Date.parse(commitment.dueAt))
        throw new DomainError('COMMITMENT.NOT_DUE', `the commitment is due at ${commitment.dueAt}`);
      return [
        {
          type: 'CommitmentOverdue',
          data: {
            meetingId,
            agreementId: agreement.agreementId,
            commitmentId: commitment.commitmentId,
            partyId: commitment.partyId,
            dueAt: commitment.dueAt,
          },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

export const councilDecider: Decider<MeetingState, CouncilCommand, CouncilEvent, CouncilContext> = {
  decide,
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};

export const meetingStreamId = (meetingId: string) => `meeting-${meetingId}`;
