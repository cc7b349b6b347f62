import { ownValue } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import type { ContestCommand } from './contest.commands';
import { juryOf, type ContestEvent } from './contest.events';
import { evolveContest, initialContestState, type ContestState, type RunningContest } from './contest.state';
import { prizesOf, standingsOf } from './contest.standings';

type Data<T extends ContestCommand['type']> = Extract<ContestCommand, { type: T }>['data'];

/** A contest (金点子, 最美楼栋, the volunteer month): entries, votes, counted acts and ratings in a period; prizes at the close. */
export const contestDecider: Decider<ContestState, ContestCommand, ContestEvent, DecisionContext> = {
  initialState: initialContestState,
  evolve: evolveContest,
  decide(command, state, { now }) {
    if (command.type === 'OpenContest') return open(command.data, state);
    if (state.status === 'None') throw new DomainError('CONTEST.NOT_FOUND', `No contest ${command.data.contestId}`, { field: 'contestId' });
    switch (command.type) {
      case 'SubmitIdea':
        return submit(command.data, running(state, now, 'idea'));
      case 'VoteForIdea':
        return vote(command.data, running(state, now, 'idea'));
      case 'ScoreIdea':
        return score(command.data, state, now);
      case 'JoinContestTeam':
        return join(command.data, running(state, now, 'volunteer'));
      case 'RateBuildingCleanliness':
        return rate(command.data, running(state, now, 'building'));
      case 'CountContestActivity':
        return count(command.data, state);
      case 'CloseContest':
        return close(command.data, state, now);
      default: {
        const unhandled: never = command;
        throw new Error(`Unknown contest command ${JSON.stringify(unhandled)}`);
      }
    }
  },
};

function open(data: Data<'OpenContest'>, state: ContestState): ContestEvent[] {
  if (state.status !== 'None') throw new DomainError('CONTEST.ALREADY_OPENED', `Contest ${data.contestId} exists`, {});
  if (Date.parse(data.endsAt) <= Date.parse(data.startsAt))
    throw new DomainError('CONTEST.INVALID_PERIOD', 'The contest must end after it starts', { field: 'endsAt' });
  const jury = juryOf(data);
  if (jury.length > 0 && data.kind !== 'idea')
    throw new DomainError('CONTEST.JURY_FOR_IDEAS_ONLY', 'Only an idea contest is judged by a jury', { field: 'jurorIds' });
  if (new Set(jury).size !== jury.length)
    throw new DomainError('CONTEST.DUPLICATE_JUROR', 'Each juror is named once', { field: 'jurorIds' });
  if (data.kind === 'volunteer' && data.teams.length === 0)
    throw new DomainError('CONTEST.NO_TEAMS', 'A volunteer month needs at least one team', { field: 'teams' });
  if (data.kind === 'building' && data.buildings.length < 2)
    throw new DomainError('CONTEST.TOO_FEW_BUILDINGS', 'A 最美楼栋 contest compares at least two registered buildings of the community', {
      field: 'communityId',
      buildings: data.buildings.length,
    });
  return [{ type: 'ContestOpened', data }];
}

/** Entries, votes, teams and ratings are taken while the contest runs: after its start, before its end, not after the close. */
function running(state: RunningContest, now: Date, kind: RunningContest['contest']['kind']): RunningContest {
  if (state.contest.kind !== kind)
    throw new DomainError('CONTEST.WRONG_KIND', `This is a ${state.contest.kind} contest, not a ${kind} contest`, {
      field: 'contestId',
      kind: state.contest.kind,
    });
  const at = now.getTime();
  if (state.status === 'Closed' || at < Date.parse(state.contest.startsAt) || at >= Date.parse(state.contest.endsAt))
    throw new DomainError('CONTEST.NOT_RUNNING', `The contest runs from ${state.contest.startsAt} to ${state.contest.endsAt}`, {
      field: 'contestId',
      status: state.status,
    });
  return state;
}

function submit({ contestId, entryId, residentId, title, description }: Data<'SubmitIdea'>, state: RunningContest): ContestEvent[] {
  if (ownValue(state.entries, entryId)) throw new DomainError('CONTEST.ENTRY_EXISTS', `Entry ${entryId} exists`, { field: 'entryId' });
  return [{ type: 'IdeaSubmitted', data: { contestId, entryId, residentId, title, description } }];
}

function vote({ contestId, entryId, residentId }: Data<'VoteForIdea'>, state: RunningContest): ContestEvent[] {
  const entry = ownValue(state.entries, entryId);
  if (!entry) throw new DomainError('CONTEST.ENTRY_NOT_FOUND', `No idea ${entryId} in this contest`, { field: 'entryId' });
  if (juryOf(state.contest).length > 0)
    throw new DomainError('CONTEST.JURY_DECIDES', 'A jury judges this contest: residents enter ideas but do not vote', {
      field: 'contestId',
    });
  if (entry.residentId === residentId)
    throw new DomainError('CONTEST.OWN_ENTRY', 'A resident may not vote for their own idea', { field: 'entryId' });
  if (ownValue(state.voters, residentId))
    throw new DomainError('CONTEST.ALREADY_VOTED', 'Each resident has one vote in an idea contest', { field: 'entryId' });
  return [{ type: 'IdeaVoteCast', data: { contestId, entryId, residentId } }];
}

/** Who is a juror is asked first: a stranger learns nothing of the contest's period or entries. */
function score({ contestId, entryId, jurorId, score }: Data<'ScoreIdea'>, contest: RunningContest, now: Date): ContestEvent[] {
  if (!juryOf(contest.contest).includes(jurorId))
    throw new DomainError('CONTEST.NOT_A_JUROR', 'Only the jurors named when the contest opened score its ideas', { field: 'contestId' });
  const state = running(contest, now, 'idea');
  const entry = ownValue(state.entries, entryId);
  if (!entry) throw new DomainError('CONTEST.ENTRY_NOT_FOUND', `No idea ${entryId} in this contest`, { field: 'entryId' });
  if (entry.residentId === jurorId)
    throw new DomainError('CONTEST.OWN_ENTRY', 'A juror may not score their own idea', { field: 'entryId' });
  if (!Number.isInteger(score) || score < 1 || score > 10)
    throw new DomainError('CONTEST.INVALID_SCORE', 'A score is a whole number from 1 to 10', { field: 'score' });
  const mine = ownValue(state.scores ?? {}, jurorId);
  if (mine && ownValue(mine, entryId) !== undefined)
    throw new DomainError('CONTEST.ALREADY_SCORED', 'Each juror scores each idea once', { field: 'entryId' });
  return [{ type: 'IdeaScored', data: { contestId, entryId, jurorId, score } }];
}

function join({ contestId, teamId, residentId }: Data<'JoinContestTeam'>, state: RunningContest): ContestEvent[] {
  if (!state.contest.teams.some((team) => team.teamId === teamId))
    throw new DomainError('CONTEST.TEAM_NOT_FOUND', `No team ${teamId} in this contest`, { field: 'teamId' });
  if (ownValue(state.teamOf, residentId))
    throw new DomainError('CONTEST.ALREADY_IN_TEAM', 'A resident plays for one team in a volunteer month', { field: 'teamId' });
  return [{ type: 'ContestTeamJoined', data: { contestId, teamId, residentId } }];
}

function rate({ contestId, buildingId, score, ratedBy }: Data<'RateBuildingCleanliness'>, state: RunningContest): ContestEvent[] {
  if (!ownValue(state.buildings, buildingId))
    throw new DomainError('CONTEST.BUILDING_NOT_FOUND', `Building ${buildingId} is not in this contest`, { field: 'buildingId' });
  return [{ type: 'BuildingCleanlinessRated', data: { contestId, buildingId, score, ratedBy } }];
}

/**
 * An act counts once, when it happened inside the period, in a contest still open, for a resident who takes part
 * (a team member, a resident on the building roll). Anything else is no refusal but nothing: the policy offers
 * every act to every open contest.
 */
function count(data: Data<'CountContestActivity'>, state: RunningContest): ContestEvent[] {
  const { contestId, sourceEventId, residentId, measure, amount } = data;
  if (state.status === 'Closed' || ownValue(state.counted, sourceEventId)) return [];
  const at = Date.parse(data.at);
  if (at < Date.parse(state.contest.startsAt) || at >= Date.parse(state.contest.endsAt)) return [];
  const subjectId =
    state.contest.kind === 'volunteer' && measure === 'volunteer_hours'
      ? ownValue(state.teamOf, residentId)
      : state.contest.kind === 'building' && measure !== 'volunteer_hours'
        ? ownValue(state.buildingOf, residentId)
        : undefined;
  if (!subjectId) return [];
  return [{ type: 'ContestActivityCounted', data: { contestId, sourceEventId, residentId, measure, amount, subjectId } }];
}

function close({ contestId, closedBy }: Data<'CloseContest'>, state: RunningContest, now: Date): ContestEvent[] {
  if (state.status === 'Closed')
    throw new DomainError('CONTEST.ALREADY_CLOSED', 'The contest is closed; its prizes were given once', { field: 'contestId' });
  if (now.getTime() < Date.parse(state.contest.endsAt))
    throw new DomainError('CONTEST.NOT_ENDED', `The contest runs until ${state.contest.endsAt}`, { field: 'contestId' });
  const standings = standingsOf(state);
  return [{ type: 'ContestClosed', data: { contestId, standings, prizes: prizesOf(state, standings), closedBy } }];
}
