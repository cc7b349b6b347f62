import { ownValue } from '@gongzhi/contracts';
import { type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import { event, refuse } from '../domain-event';
import { assertMayTakePart, type OpenTo, type Participant } from '../participation';
import type { ProjectCommand } from './project.commands';
import type { ProjectEvent } from './project.events';

export interface ResourceRequestState {
  readonly resourceId: string;
  readonly status: 'requested' | 'approved' | 'declined';
}

export type ProjectState =
  | { readonly status: 'None' }
  | {
      readonly status: 'Active';
      readonly projectId: string;
      readonly communityId: string;
      readonly openTo: OpenTo;
      readonly title: string;
      readonly leaderId: string;
      readonly members: readonly string[];
      readonly requests: Readonly<Record<string, ResourceRequestState>>;
      readonly incomeIds: readonly string[];
    };

export interface ProjectContext extends DecisionContext {
  /** The community the actor is an officer of (community_officer with a community scope); absent for residents. */
  readonly officerOfCommunityId?: string;
  /** The resource a RequestResource names, as its stream says; null when it does not exist. */
  readonly resource?: { readonly resourceId: string; readonly communityId: string } | null;
  /** The team's percent of income (the rest goes to the community fund); the service's configured ratio. */
  readonly teamSharePercent?: number;
  /** Who is joining, with their place: a project is open to its community's residents unless marked wider. */
  readonly participant?: Participant;
}

export const projectStreamId = (projectId: string) => `project-${projectId}`;

/** The team's share of an amount by the ratio, rounded to the fen; the fund receives the rest, so nothing is lost. */
export function splitIncome(amountFen: number, teamSharePercent: number): { teamShareFen: number; fundShareFen: number } {
  const teamShareFen = Math.round((amountFen * teamSharePercent) / 100);
  return { teamShareFen, fundShareFen: amountFen - teamShareFen };
}

function decide(command: ProjectCommand, state: ProjectState, context: ProjectContext): readonly ProjectEvent[] {
  const actorId = context.actor.id;
  if (command.type === 'StartProject') {
    if (state.status !== 'None') throw refuse('PROJECT.ALREADY_STARTED', `Project ${command.data.projectId} exists already`);
    const { data } = command;
    return [event('CommunityProjectStarted', { ...data, leaderId: actorId })];
  }
  if (state.status === 'None') throw refuse('PROJECT.NOT_FOUND', 'No such community project');
  const ids = { projectId: state.projectId, communityId: state.communityId };
  const isMember = state.members.includes(actorId);
  const isOfficer = context.officerOfCommunityId === state.communityId;
  const requireMember = (what: string) => {
    if (!isMember) {
      throw refuse('PROJECT.FORBIDDEN', `Only a member of the team of project ${state.projectId} (“${state.title}”) may ${what}; join the team first`, {
        projectId: state.projectId,
        rule: 'team_member',
      });
    }
  };
  const requireOfficer = () => {
    if (!isOfficer) {
      throw refuse('PROJECT.FORBIDDEN', `Only an officer of ${state.communityId} may decide on the resource requests of project ${state.projectId}`, {
        projectId: state.projectId,
        rule: 'community_officer',
        communityId: state.communityId,
      });
    }
  };
  const openRequest = (requestId: string) => {
    const request = ownValue(state.requests, requestId);
    if (!request) throw refuse('PROJECT_REQUEST.NOT_FOUND', `Project ${state.projectId} has no resource request ${requestId}`);
    if (request.status !== 'requested') {
      throw refuse('PROJECT.REQUEST_ALREADY_DECIDED', `Resource request ${requestId} was ${request.status} already`, { status: request.status });
    }
    return request;
  };
  switch (command.type) {
    case 'JoinTeam':
      if (isMember) throw refuse('PROJECT.ALREADY_MEMBER', `You are in the team of project ${state.projectId} already`);
      assertMayTakePart(context.participant, state, `join the team of project ${state.projectId}`);
      return [event('ProjectTeamMemberJoined', { ...ids, memberId: actorId })];
    case 'RequestResource': {
      requireMember('apply for resources');
      if (!context.resource) throw refuse('RESOURCE.NOT_FOUND', `No resource ${command.data.resourceId} in the pool`, { resourceId: command.data.resourceId });
      if (context.resource.communityId !== state.communityId) {
        throw refuse('PROJECT.RESOURCE_OF_ANOTHER_COMMUNITY', `Resource ${command.data.resourceId} belongs to the pool of ${context.resource.communityId}, not ${state.communityId}`, {
          field: 'resourceId',
        });
      }
      if (ownValue(state.requests, command.data.requestId)) throw refuse('PROJECT.REQUEST_ALREADY_DECIDED', `Resource request ${command.data.requestId} exists already`);
      return [
        event('ProjectResourceRequested', { ...ids, requestId: command.data.requestId, resourceId: command.data.resourceId, purpose: command.data.purpose, requestedBy: actorId }),
      ];
    }
    case 'ApproveResourceRequest': {
      requireOfficer();
      const request = openRequest(command.data.requestId);
      return [event('ProjectResourceRequestApproved', { ...ids, requestId: command.data.requestId, resourceId: request.resourceId, officerId: actorId, note: command.data.note })];
    }
    case 'DeclineResourceRequest': {
      requireOfficer();
      const request = openRequest(command.data.requestId);
      if (!command.data.reason.trim()) throw refuse('PROJECT.REASON_REQUIRED', 'A declined request needs a reason', { field: 'reason' });
      return [event('ProjectResourceRequestDeclined', { ...ids, requestId: command.data.requestId, resourceId: request.resourceId, officerId: actorId, reason: command.data.reason })];
    }
    case 'ReportActivity': {
      requireMember('report its activities');
      const { data } = command;
      return [event('ProjectActivityReported', { ...ids, ...data, reportedBy: actorId })];
    }
    case 'RecordIncome': {
      if (!isMember && !isOfficer) requireMember('record its income');
      if (state.incomeIds.includes(command.data.incomeId)) throw refuse('PROJECT.INCOME_ALREADY_RECORDED', `Income ${command.data.incomeId} is recorded already`);
      const teamSharePercent = context.teamSharePercent ?? 70;
      const { data } = command;
      return [event('ProjectIncomeRecorded', { ...ids, ...data, teamSharePercent, ...splitIncome(command.data.amountFen, teamSharePercent), recordedBy: actorId })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: ProjectState, e: ProjectEvent): ProjectState {
  if (e.type === 'CommunityProjectStarted') {
    const { projectId, communityId, title, leaderId, openTo } = e.data;
    return { status: 'Active', projectId, communityId, openTo: openTo ?? 'community', title, leaderId, members: [leaderId], requests: {}, incomeIds: [] };
  }
  if (state.status === 'None') return state;
  switch (e.type) {
    case 'ProjectTeamMemberJoined':
      return { ...state, members: [...state.members, e.data.memberId] };
    case 'ProjectResourceRequested':
      return { ...state, requests: { ...state.requests, [e.data.requestId]: { resourceId: e.data.resourceId, status: 'requested' } } };
    case 'ProjectResourceRequestApproved':
      return { ...state, requests: { ...state.requests, [e.data.requestId]: { resourceId: e.data.resourceId, status: 'approved' } } };
    case 'ProjectResourceRequestDeclined':
      return { ...state, requests: { ...state.requests, [e.data.requestId]: { resourceId: e.data.resourceId, status: 'declined' } } };
    case 'ProjectActivityReported':
      return state;
    case 'ProjectIncomeRecorded':
      return { ...state, incomeIds: [...state.incomeIds, e.data.incomeId] };
    default:
      return assertNever(e);
  }
}

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent, ProjectContext> = {
  decide,
  evolve,
  initialState: () => ({ status: 'None' }),
};
