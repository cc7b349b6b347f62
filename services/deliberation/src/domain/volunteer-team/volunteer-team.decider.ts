import type { ContractDomainEvent, VolunteerTeamStandDownReason } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { assertKnownCommunity } from '@gongzhi/identity';
import { assertOfficerOf, type Caller } from '../caller';
import { assertPickable, type Candidate } from '../volunteer-roles/pick-from-pool';

// 志愿服务队: one stream per community holding all its teams, so a name is taken once and a resident leads one team
// at a time there, checked in the same append.

export const volunteerTeamsStreamId = (communityId: string) => `volunteer-teams-${communityId}`;

export type VolunteerTeamEvent =
  | ContractDomainEvent<'VolunteerTeamFormed'>
  | ContractDomainEvent<'VolunteerTeamLeaderAppointed'>
  | ContractDomainEvent<'VolunteerTeamLeaderStoodDown'>;

export type VolunteerTeamCommand =
  | {
      readonly type: 'FormTeam';
      readonly data: { teamId: string; communityId: string; name: string; purpose: string | null; leaderId: string | null };
    }
  | { readonly type: 'AppointLeader'; readonly data: { teamId: string; communityId: string; leaderId: string } }
  | {
      readonly type: 'StandDown';
      readonly data: { teamId: string; communityId: string; leaderId: string; reason: VolunteerTeamStandDownReason };
    };

export interface VolunteerTeam {
  readonly teamId: string;
  readonly name: string;
  readonly purpose: string | null;
  readonly leaderId: string | null;
}

/** The community's teams in the order they were formed. */
export interface VolunteerTeamsState {
  readonly teams: readonly VolunteerTeam[];
}

export interface VolunteerTeamContext extends DecisionContext {
  readonly caller: Caller;
  /** The resident a command would make leader, as their opt-in stream and level stand now; looked up by the handler. */
  readonly candidate?: Candidate;
}

const FORBIDDEN = 'VOLUNTEER_TEAM.FORBIDDEN';

/** The team a resident leads in the community, if any. */
export const teamLedBy = (state: VolunteerTeamsState, residentId: string): VolunteerTeam | undefined =>
  state.teams.find((team) => team.leaderId === residentId);

function teamOf(state: VolunteerTeamsState, teamId: string): VolunteerTeam {
  const team = state.teams.find((t) => t.teamId === teamId);
  if (!team) throw new DomainError('VOLUNTEER_TEAM.NOT_FOUND', `no volunteer team ${teamId} in this community`, { teamId });
  return team;
}

/** Only from the pool (opted in here, level unlocks leading), and never the leader of another team of the community. */
function assertMayLead(state: VolunteerTeamsState, teamId: string, communityId: string, candidate: Candidate | undefined): void {
  if (!candidate) throw new Error('a leader was named but not looked up');
  assertPickable(candidate, 'volunteer-team-leader', communityId, 'leaderId');
  const leading = teamLedBy(state, candidate.residentId);
  if (leading && leading.teamId !== teamId) {
    throw new DomainError(
      'VOLUNTEER_TEAM.ALREADY_LEADS',
      `${candidate.residentId} already leads 「${leading.name}」; a resident leads one team at a time`,
      {
        field: 'leaderId',
        residentId: candidate.residentId,
        teamId: leading.teamId,
      },
    );
  }
}

function form(
  state: VolunteerTeamsState,
  data: Extract<VolunteerTeamCommand, { type: 'FormTeam' }>['data'],
  context: VolunteerTeamContext,
) {
  const { teamId, communityId, name, purpose, leaderId } = data;
  assertKnownCommunity(communityId, 'VOLUNTEER_TEAM.UNKNOWN_COMMUNITY');
  // The office first: an officer of another community learns nothing about this community's teams or pool.
  assertOfficerOf(context.caller, communityId, FORBIDDEN);
  if (state.teams.some((t) => t.teamId === teamId)) throw new DomainError('VOLUNTEER_TEAM.ALREADY_EXISTS', `team ${teamId} exists`);
  if (state.teams.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
    throw new DomainError('VOLUNTEER_TEAM.NAME_TAKEN', `the community already has a team called 「${name}」`, { field: 'name', name });
  }
  if (leaderId !== null) assertMayLead(state, teamId, communityId, context.candidate);
  const formed: VolunteerTeamEvent = { type: 'VolunteerTeamFormed', data: { teamId, communityId, name, purpose } };
  if (leaderId === null) return [formed];
  return [formed, { type: 'VolunteerTeamLeaderAppointed' as const, data: { teamId, communityId, leaderId, previousLeaderId: null } }];
}

function appoint(
  state: VolunteerTeamsState,
  data: Extract<VolunteerTeamCommand, { type: 'AppointLeader' }>['data'],
  context: VolunteerTeamContext,
) {
  const { teamId, communityId, leaderId } = data;
  assertOfficerOf(context.caller, communityId, FORBIDDEN);
  const team = teamOf(state, teamId);
  // Checked again even for the sitting leader: a pick that no longer holds is refused rather than silently kept.
  assertMayLead(state, teamId, communityId, context.candidate);
  if (team.leaderId === leaderId) return [];
  return [{ type: 'VolunteerTeamLeaderAppointed' as const, data: { teamId, communityId, leaderId, previousLeaderId: team.leaderId } }];
}

/**
 * The leader steps down by their own hand; a leader who no longer stands for leading teams in the community (they
 * opted out, or moved away) stands down whoever notices it, as their opt-in stream read now shows.
 */
function standDown(
  state: VolunteerTeamsState,
  data: Extract<VolunteerTeamCommand, { type: 'StandDown' }>['data'],
  context: VolunteerTeamContext,
) {
  const { teamId, communityId, leaderId, reason } = data;
  if (reason === 'stepped-down' && context.caller.subject !== leaderId) {
    throw new DomainError(FORBIDDEN, 'only the leader themself can step down; officers appoint a successor instead', { teamId });
  }
  if (reason === 'opted-out' && (context.candidate?.residentId !== leaderId || context.candidate.standingIn === communityId)) {
    throw new Error(`${leaderId} still stands for leading teams in ${communityId}; nothing withdrew them`);
  }
  const team = teamOf(state, teamId);
  if (team.leaderId !== leaderId) {
    // A withdrawal finds nothing to do where they lead no more; a step-down by someone who does not lead is a mistake.
    if (reason === 'opted-out') return [];
    throw new DomainError('VOLUNTEER_TEAM.NOT_LEADER', `you do not lead 「${team.name}」`, { teamId });
  }
  return [{ type: 'VolunteerTeamLeaderStoodDown' as const, data: { teamId, communityId, leaderId, reason } }];
}

const withLeader = (state: VolunteerTeamsState, teamId: string, leaderId: string | null): VolunteerTeamsState => ({
  teams: state.teams.map((team) => (team.teamId === teamId ? { ...team, leaderId } : team)),
});

export const volunteerTeamDecider: Decider<VolunteerTeamsState, VolunteerTeamCommand, VolunteerTeamEvent, VolunteerTeamContext> = {
  initialState: () => ({ teams: [] }),
  evolve(state, event) {
    switch (event.type) {
      case 'VolunteerTeamFormed': {
        const { teamId, name, purpose } = event.data;
        return { teams: [...state.teams, { teamId, name, purpose, leaderId: null }] };
      }
      case 'VolunteerTeamLeaderAppointed':
        return withLeader(state, event.data.teamId, event.data.leaderId);
      case 'VolunteerTeamLeaderStoodDown':
        return withLeader(state, event.data.teamId, null);
      default: {
        const unhandled: never = event;
        throw new Error(`Unknown volunteer-team event ${JSON.stringify(unhandled)}`);
      }
    }
  },
  decide(command, state, context) {
    switch (command.type) {
      case 'FormTeam':
        return form(state, command.data, context);
      case 'AppointLeader':
        return appoint(state, command.data, context);
      case 'StandDown':
        return standDown(state, command.data, context);
      default: {
        const unhandled: never = command;
        throw new Error(`Unknown volunteer-team command ${JSON.stringify(unhandled)}`);
      }
    }
  },
};
