import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { assertOfficerOf, assertResidentOf, assertSupervisorOf, hasAnyRole, type Caller } from '../caller';
import { coSign, coSignersNeeded } from './co-signing';
import { drawRoll } from '../voting/roll';
import { ABSTAIN, NO, tallyVotes } from '../voting/tally';
import type { OpenVotingData, TopicCommand } from './topic.commands';
import type { TopicEvent } from './topic.events';
import { initialTopicState, type Topic, type TopicState, type TopicStatus } from './topic.state';

export interface TopicContext extends DecisionContext {
  readonly caller: Caller;
}

const DAY_MS = 864e5;
export const VOTING_WINDOW_DAYS = { min: 3, max: 7 } as const;

function existing(state: TopicState): Topic {
  if (state.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', 'no such topic');
  return state;
}

function expectStatus(topic: Topic, allowed: readonly TopicStatus[], action: string): void {
  if (!allowed.includes(topic.status)) {
    throw new DomainError('TOPIC.WRONG_STAGE', `cannot ${action} a topic that is ${topic.status} (needs ${allowed.join(' or ')})`, {
      status: topic.status,
    });
  }
}

function decide(command: TopicCommand, state: TopicState, { now, caller }: TopicContext): TopicEvent[] {
  if (command.type === 'ProposeTopic') {
    if (state.status !== 'None') throw new DomainError('TOPIC.ALREADY_EXISTS', `topic ${command.data.topicId} exists`);
    const { topicId, title, description, anonymous, building, group } = command.data;
    const communityId = building?.communityId ?? group?.communityId ?? command.data.communityId;
    const gridId = building?.gridId ?? (group ? null : command.data.gridId);
    assertResidentOf(caller, communityId);
    if (building) assertResidentOfBuilding(caller, building.buildingId, building.residentIds);
    if (group) assertMemberOfGroup(caller, group.groupId, group.memberIds);
    const proposerId = anonymous ? null : caller.subject;
    const needed = coSignersNeeded(caller, command.data.coSigning);
    const mark = anonymous && needed > 0 ? command.data.anonymousProposerMark : undefined;
    const proposed: TopicEvent = {
      type: 'TopicProposed',
      data: {
        topicId,
        communityId,
        gridId,
        title,
        description,
        anonymous,
        proposerId,
        ...(needed > 0 ? { coSignersNeeded: needed } : {}),
        ...(mark ? { anonymousProposerMark: mark } : {}),
      },
    };
    if (group) return [proposed, { type: 'TopicScopedToGroup', data: { topicId, groupId: group.groupId, groupName: group.name } }];
    return building ? [proposed, { type: 'TopicScopedToBuilding', data: { topicId, buildingId: building.buildingId } }] : [proposed];
  }
  const topic = existing(state);
  const { topicId } = topic;
  switch (command.type) {
    case 'CoSignTopic':
      return [coSign(topic, caller, command.data.coSignerMark)];
    case 'ScreenTopic': {
      assertOfficerOf(caller, topic.communityId);
      expectStatus(topic, ['Proposed'], 'screen');
      const { outcome, reason, mergedIntoTopicId } = command.data;
      if (outcome === 'rejected' && !reason?.trim()) {
        throw new DomainError('TOPIC.REASON_REQUIRED', 'a rejection needs a written reason', { field: 'reason' });
      }
      if ((outcome === 'merged') !== (mergedIntoTopicId !== null) || mergedIntoTopicId === topicId) {
        throw new DomainError('TOPIC.MERGE_TARGET_INVALID', 'a merge names another topic, and only a merge does', {
          field: 'mergedIntoTopicId',
        });
      }
      return [{ type: 'TopicScreened', data: { topicId, outcome, reason, mergedIntoTopicId } }];
    }
    case 'OpenConsultation':
      assertOfficerOf(caller, topic.communityId);
      expectStatus(topic, ['Accepted'], 'open consultation on');
      return [{ type: 'ConsultationOpened', data: { topicId, draftPlan: command.data.draftPlan } }];
    case 'AddStakeholderInput':
      assertOfficerOf(caller, topic.communityId);
      expectStatus(topic, ['Consultation'], 'add stakeholder input to');
      return [{ type: 'StakeholderInputAdded', data: { topicId, ...command.data } }];
    case 'OpenDiscussion':
      assertOfficerOf(caller, topic.communityId);
      expectStatus(topic, ['Consultation'], 'open discussion on');
      return [{ type: 'DiscussionOpened', data: { topicId, meetingAt: command.data.meetingAt } }];
    case 'RecordAttendance': {
      assertOfficerOf(caller, topic.communityId);
      expectStatus(topic, ['Discussion'], 'record attendance of');
      const meeting = topic.meeting!;
      const fresh = [...new Set(command.data.residentIds)].filter((id) => !meeting.attendees.includes(id));
      return fresh.map((residentId) => ({
        type: 'MeetingAttended' as const,
        data: { topicId, meetingId: meeting.meetingId, residentId, participation: command.data.participation },
      }));
    }
    case 'OpenVoting':
      assertOfficerOf(caller, topic.communityId);
      expectStatus(topic, ['Discussion'], 'open voting on');
      return openVoting(topic, command.data, now);
    case 'CloseVoting': {
      expectStatus(topic, ['Voting'], 'close voting on');
      if (!hasAnyRole(caller, ['system'])) throw new DomainError('TOPIC.FORBIDDEN', 'voting closes by its deadline only');
      if (now.getTime() < Date.parse(topic.voting!.closesAt)) {
        throw new DomainError('VOTING.NOT_DUE', `voting closes at ${topic.voting!.closesAt}`);
      }
      return [{ type: 'VotingClosed', data: tallyVotes(topic.voting!, command.data.counts, command.data.assistedBallots ?? 0) }];
    }
    case 'DecideTopic': {
      assertOfficerOf(caller, topic.communityId);
      expectStatus(topic, ['VotingClosed'], 'decide');
      const { result, reasons, responsibleDepartmentIds } = command.data;
      const vote = topic.result!;
      if (result === 'adopted' && !vote.passed) {
        throw new DomainError('TOPIC.VOTE_NOT_PASSED', 'the vote did not pass, so the topic cannot be adopted', { field: 'result' });
      }
      const chosenOptionId = result === 'adopted' ? vote.winningOptionId : null;
      const decided: TopicEvent = { type: 'TopicDecided', data: { topicId, result, chosenOptionId, reasons } };
      if (result === 'rejected') return [decided];
      const { anonymous, proposerId, title } = topic;
      return [
        decided,
        {
          type: 'SuggestionAdopted',
          data: { topicId, title, responsibleDepartmentIds: [...responsibleDepartmentIds], anonymous, residentId: proposerId },
        },
      ];
    }
    case 'ReportProgress': {
      assertSupervisorOf(caller, topic.communityId);
      expectStatus(topic, ['Decided', 'Implementation'], 'report progress on');
      if (topic.decision?.result !== 'adopted') throw new DomainError('TOPIC.WRONG_STAGE', 'only an adopted topic is implemented');
      if (command.data.percent < topic.progressPercent) {
        throw new DomainError('TOPIC.PROGRESS_BACKWARDS', `progress is already ${topic.progressPercent}%`, { field: 'percent' });
      }
      const { percent, note, photoIds } = command.data;
      return [
        { type: 'ImplementationProgressReported', data: { topicId, percent, note, photoIds: [...photoIds], supervisorId: caller.subject } },
      ];
    }
    case 'CompleteTopic':
      assertSupervisorOf(caller, topic.communityId);
      expectStatus(topic, ['Implementation'], 'complete');
      return [{ type: 'TopicCompleted', data: { topicId, summary: command.data.summary, afterPhotoIds: [...command.data.afterPhotoIds] } }];
    case 'EvaluateTopic':
      assertResidentOf(caller, topic.communityId);
      expectStatus(topic, ['Completed'], 'evaluate');
      if (topic.evaluations.some((e) => e.residentId === caller.subject)) {
        throw new DomainError('TOPIC.ALREADY_EVALUATED', 'you evaluated this topic already');
      }
      return [
        { type: 'TopicEvaluated', data: { topicId, residentId: caller.subject, score: command.data.score, comment: command.data.comment } },
      ];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

function checkedVoting(topic: Topic, data: OpenVotingData, now: Date) {
  const closesAt = Date.parse(data.closesAt);
  const days = (closesAt - now.getTime()) / DAY_MS;
  if (!(days >= VOTING_WINDOW_DAYS.min && days <= VOTING_WINDOW_DAYS.max)) {
    throw new DomainError('VOTING.WINDOW_OUT_OF_RANGE', `voting stays open ${VOTING_WINDOW_DAYS.min} to ${VOTING_WINDOW_DAYS.max} days`, {
      field: 'closesAt',
    });
  }
  const ids = data.options.map((o) => o.optionId);
  if (new Set(ids).size !== ids.length || ids.length < 2) {
    throw new DomainError('VOTING.OPTIONS_INVALID', 'at least two options, each with its own id', { field: 'options' });
  }
  if (ids.includes(NO) && ids.every((id) => id === NO || id === ABSTAIN)) {
    throw new DomainError('VOTING.OPTIONS_INVALID', 'nothing to vote for', { field: 'options' });
  }
  const { scope, scopeId, roster } = data.eligibility;
  if (scope === 'community' && scopeId !== topic.communityId) {
    throw new DomainError('VOTING.SCOPE_INVALID', `a community vote is held in the topic's community ${topic.communityId}`, {
      field: 'eligibility.scopeId',
    });
  }
  // Never narrower than the topic: a community's topic is voted by the community, a grid's by the grid (or
  // the community); a smaller scope chosen for a friendlier electorate is refused.
  if (scope !== 'community' && scope !== 'group' && topic.gridId === null) {
    throw new DomainError('VOTING.SCOPE_INVALID', `a topic of the whole community is voted by the community ${topic.communityId}`, {
      field: 'eligibility.scope',
    });
  }
  if (scope === 'grid' && scopeId !== topic.gridId) {
    throw new DomainError('VOTING.SCOPE_INVALID', `a grid vote on this topic is held in its grid ${topic.gridId}`, {
      field: 'eligibility.scopeId',
    });
  }
  if ((scope === 'building' || scope === 'group') !== (roster !== null && roster.length > 0)) {
    throw new DomainError('VOTING.SCOPE_INVALID', 'a building or group vote needs its roster, and only those have one', {
      field: 'eligibility.roster',
    });
  }
  return {
    closesAt: new Date(closesAt).toISOString(),
    options: data.options.map((o) => ({ ...o })),
    quorumPercent: data.quorumPercent,
    passThresholdPercent: data.passThresholdPercent,
  };
}

/** The roll first, then the vote that counts against it: both in one append, so no vote is open without its roll. */
function openVoting(topic: Topic, data: OpenVotingData, now: Date): TopicEvent[] {
  const { scope, scopeId, roster } = data.eligibility;
  if (topic.buildingId && (scope !== 'building' || scopeId !== topic.buildingId)) {
    throw new DomainError('VOTING.BUILDING_TOPIC', `a topic of building ${topic.buildingId} is voted on by that building alone`, {
      field: 'eligibility.scope',
    });
  }
  // A group vote only on the group's own topic: a community's topic is never handed to a friendlier club.
  if ((topic.groupId !== null || scope === 'group') && (scope !== 'group' || scopeId !== topic.groupId)) {
    throw new DomainError(
      'VOTING.GROUP_TOPIC',
      topic.groupId
        ? `a topic of interest group ${topic.groupId} is voted on by its members alone`
        : "only a group's own topic has a group vote",
      {
        field: 'eligibility.scope',
      },
    );
  }
  const checked = checkedVoting(topic, data, now);
  const residentIds = drawRoll(scope, data.verifiedResidents, roster);
  if (residentIds.length === 0) {
    throw new DomainError('VOTING.ROLL_EMPTY', `no verified resident lives in ${scope} ${scopeId}: nobody could vote`, {
      field: 'eligibility.scopeId',
    });
  }
  const { topicId } = topic;
  return [
    { type: 'VotingRollRecorded', data: { topicId, scope, scopeId, residentIds, size: residentIds.length } },
    {
      type: 'VotingOpened',
      data: {
        topicId,
        ...checked,
        eligibility: { scope, scopeId, roster: scope === 'building' || scope === 'group' ? residentIds : null, verifiedOnly: true },
        eligibleVoters: residentIds.length,
      },
    },
  ];
}

/** 小事不出楼栋: the building's own topics are proposed and discussed by the residents recorded in it. */
export function assertResidentOfBuilding(caller: Caller, buildingId: string, residentIds: readonly string[]): void {
  if (caller.roles.includes('resident') && residentIds.includes(caller.subject)) return;
  throw new DomainError('TOPIC.FORBIDDEN', `this is a topic of building ${buildingId}: only its residents take part`, { buildingId });
}

/** 兴趣社团: a group's own topics are proposed and discussed by its members. */
export function assertMemberOfGroup(caller: Caller, groupId: string, memberIds: readonly string[]): void {
  if (caller.roles.includes('resident') && memberIds.includes(caller.subject)) return;
  throw new DomainError('GROUP.NOT_MEMBER', `this is a topic of interest group ${groupId}: join the group to take part`, { groupId });
}

function evolve(state: TopicState, event: TopicEvent): TopicState {
  if (event.type === 'TopicProposed') {
    return {
      ...event.data,
      buildingId: null,
      groupId: null,
      status: event.data.coSignersNeeded ? 'AwaitingCoSigners' : 'Proposed',
      coSignersNeeded: event.data.coSignersNeeded ?? 0,
      coSignerIds: [],
      anonymousProposerMark: event.data.anonymousProposerMark ?? null,
      screening: null,
      draftPlan: null,
      stakeholderInputs: 0,
      meeting: null,
      voting: null,
      roll: null,
      result: null,
      decision: null,
      progressPercent: 0,
      completion: null,
      evaluations: [],
    };
  }
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'TopicCoSigned': {
      const coSignerIds = [...state.coSignerIds, event.data.residentId];
      return { ...state, coSignerIds, status: coSignerIds.length >= state.coSignersNeeded ? 'Proposed' : state.status };
    }
    case 'TopicScopedToBuilding':
      return { ...state, buildingId: event.data.buildingId };
    case 'TopicScopedToGroup':
      return { ...state, groupId: event.data.groupId };
    case 'TopicScreened': {
      const status = ({ accepted: 'Accepted', merged: 'Merged', rejected: 'Rejected' } as const)[event.data.outcome];
      return { ...state, status, screening: event.data };
    }
    case 'ConsultationOpened':
      return { ...state, status: 'Consultation', draftPlan: event.data.draftPlan };
    case 'StakeholderInputAdded':
      return { ...state, stakeholderInputs: state.stakeholderInputs + 1 };
    case 'DiscussionOpened':
      return {
        ...state,
        status: 'Discussion',
        meeting: { meetingId: `${state.topicId}-meeting`, at: event.data.meetingAt, attendees: [] },
      };
    case 'MeetingAttended':
      return { ...state, meeting: state.meeting && { ...state.meeting, attendees: [...state.meeting.attendees, event.data.residentId] } };
    case 'VotingRollRecorded':
      return { ...state, roll: new Set(event.data.residentIds) };
    case 'VotingOpened':
      return { ...state, status: 'Voting', voting: event.data };
    case 'VotingClosed':
      return { ...state, status: 'VotingClosed', result: event.data };
    case 'TopicDecided':
      return { ...state, status: 'Decided', decision: event.data };
    case 'SuggestionAdopted':
      return state;
    case 'ImplementationProgressReported':
      return { ...state, status: 'Implementation', progressPercent: event.data.percent };
    case 'TopicCompleted':
      return { ...state, status: 'Completed', completion: event.data, progressPercent: 100 };
    case 'TopicEvaluated':
      return { ...state, evaluations: [...state.evaluations, { residentId: event.data.residentId, score: event.data.score }] };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}

export const topicDecider: Decider<TopicState, TopicCommand, TopicEvent, TopicContext> = {
  decide,
  evolve,
  initialState: initialTopicState,
};

export const topicStreamId = (topicId: string) => `topic-${topicId}`;
