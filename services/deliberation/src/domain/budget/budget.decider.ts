import { DomainError, type Decider } from '@gongzhi/eventsourcing';
import { assertKnownCommunity } from '@gongzhi/identity';
import { assertOfficerOf, assertResidentOf, assertSupervisorOf, hasAnyRole, type Caller } from '../caller';
import { VOTING_WINDOW_DAYS, type TopicContext } from '../topic/topic.decider';
import { drawRoll } from '../voting/roll';
import { fundProjects, suggestAllocation } from './allocation';
import type { BudgetCommand } from './budget.commands';
import type { BudgetEvent } from './budget.events';
import { initialBudgetState, type BudgetPool, type BudgetPoolStatus, type BudgetState, type Project } from './budget.state';

/** Who asks: the same context as a topic's. */
export type BudgetContext = TopicContext;

const DAY_MS = 864e5;
const FORBIDDEN = 'BUDGET.FORBIDDEN';

export const budgetStreamId = (communityId: string, year: number) => `budget-${communityId}-${year}`;

function existing(state: BudgetState): BudgetPool {
  if (state.status === 'None') throw new DomainError('BUDGET.NOT_FOUND', 'no budget pool for this community and year');
  return state;
}

function expectStatus(pool: BudgetPool, allowed: BudgetPoolStatus, action: string): void {
  if (pool.status !== allowed) {
    throw new DomainError('BUDGET.WRONG_STAGE', `cannot ${action} while the pool is ${pool.status} (needs ${allowed})`, {
      status: pool.status,
    });
  }
}

function projectOf(pool: BudgetPool, projectId: string): Project {
  const project = pool.projects.find((p) => p.projectId === projectId);
  if (!project) throw new DomainError('BUDGET_PROJECT.NOT_FOUND', `no project ${projectId} in ${pool.poolId}`, { field: 'projectId' });
  return project;
}

/** Progress and completion are posted by a supervisor of the district, or by an officer of the community. */
function assertMayReport(caller: Caller, pool: BudgetPool): void {
  if (hasAnyRole(caller, ['supervisor'])) return assertSupervisorOf(caller, pool.communityId, FORBIDDEN);
  assertOfficerOf(caller, pool.communityId, FORBIDDEN);
}

function decide(command: BudgetCommand, state: BudgetState, { now, caller }: BudgetContext): BudgetEvent[] {
  if (command.type === 'OpenPool') {
    const { communityId, year, baseAmountYuan, amountYuan, previousYear } = command.data;
    assertKnownCommunity(communityId, 'BUDGET.UNKNOWN_COMMUNITY');
    assertOfficerOf(caller, communityId, FORBIDDEN);
    if (state.status !== 'None') throw new DomainError('BUDGET.ALREADY_EXISTS', `the ${year} pool of ${communityId} is open already`);
    const suggestion = suggestAllocation(baseAmountYuan, previousYear);
    const amount = amountYuan ?? suggestion.suggestedAmountYuan;
    if (amount < 1)
      throw new DomainError('BUDGET.AMOUNT_INVALID', 'a pool needs at least 1 yuan', {
        field: amountYuan === null ? 'baseAmountYuan' : 'amountYuan',
      });
    return [
      {
        type: 'BudgetPoolOpened',
        data: { poolId: budgetStreamId(communityId, year), communityId, year, ...suggestion, amountYuan: amount },
      },
    ];
  }
  const pool = existing(state);
  const { poolId } = pool;
  switch (command.type) {
    case 'OrderNeed': {
      assertResidentOf(caller, pool.communityId, FORBIDDEN);
      expectStatus(pool, 'Ordering', 'order a need');
      const { needId, title, description, anonymous } = command.data;
      if (pool.needs.some((n) => n.needId === needId)) throw new DomainError('BUDGET.NEED_EXISTS', `need ${needId} exists`);
      return [
        { type: 'NeedOrdered', data: { poolId, needId, title, description, anonymous, residentId: anonymous ? null : caller.subject } },
      ];
    }
    case 'MatchNeed': {
      assertOfficerOf(caller, pool.communityId, FORBIDDEN);
      expectStatus(pool, 'Ordering', 'match a need');
      const { needId, projectId, provider, costYuan } = command.data;
      const need = pool.needs.find((n) => n.needId === needId);
      if (!need) throw new DomainError('BUDGET_NEED.NOT_FOUND', `no need ${needId} in ${poolId}`, { field: 'needId' });
      if (need.projectId !== null)
        throw new DomainError('BUDGET.NEED_ALREADY_MATCHED', `need ${needId} is matched already (project ${need.projectId})`);
      if (!Number.isInteger(costYuan) || costYuan < 1)
        throw new DomainError('BUDGET.COST_INVALID', 'a cost is a positive whole number of yuan', { field: 'costYuan' });
      if (costYuan > pool.amountYuan) {
        throw new DomainError('BUDGET.COST_OVER_POOL', `${costYuan} yuan is more than the whole pool (${pool.amountYuan} yuan)`, {
          field: 'costYuan',
        });
      }
      return [{ type: 'NeedMatched', data: { poolId, needId, projectId, provider, costYuan } }];
    }
    case 'OpenBudgetVoting': {
      assertOfficerOf(caller, pool.communityId, FORBIDDEN);
      expectStatus(pool, 'Ordering', 'open voting');
      const { method, closesAt, verifiedResidents } = command.data;
      const days = (Date.parse(closesAt) - now.getTime()) / DAY_MS;
      if (!(days >= VOTING_WINDOW_DAYS.min && days <= VOTING_WINDOW_DAYS.max)) {
        throw new DomainError(
          'VOTING.WINDOW_OUT_OF_RANGE',
          `voting stays open ${VOTING_WINDOW_DAYS.min} to ${VOTING_WINDOW_DAYS.max} days`,
          { field: 'closesAt' },
        );
      }
      if (pool.projects.length === 0)
        throw new DomainError('BUDGET.NOTHING_TO_VOTE_ON', 'match at least one need with a provider and a cost first');
      const residentIds = drawRoll('community', verifiedResidents, null);
      if (residentIds.length === 0)
        throw new DomainError('VOTING.ROLL_EMPTY', `no verified resident lives in community ${pool.communityId}: nobody could vote`);
      return [
        {
          type: 'VotingRollRecorded',
          data: { topicId: poolId, scope: 'community', scopeId: pool.communityId, residentIds, size: residentIds.length },
        },
        {
          type: 'BudgetVotingOpened',
          data: {
            poolId,
            method,
            closesAt: new Date(closesAt).toISOString(),
            projectIds: pool.projects.map((p) => p.projectId),
            poolAmountYuan: pool.amountYuan,
            eligibleVoters: residentIds.length,
          },
        },
      ];
    }
    case 'CloseBudgetVoting': {
      expectStatus(pool, 'Voting', 'close voting');
      if (!hasAnyRole(caller, ['system'])) assertOfficerOf(caller, pool.communityId, FORBIDDEN);
      const voting = pool.voting!;
      if (now.getTime() < Date.parse(voting.closesAt)) throw new DomainError('VOTING.NOT_DUE', `voting closes at ${voting.closesAt}`);
      const tally = voting.projectIds.map((projectId) => ({
        projectId,
        votes: command.data.counts[projectId] ?? 0,
        costYuan: projectOf(pool, projectId).costYuan,
      }));
      return [
        {
          type: 'BudgetVotingClosed',
          data: { poolId, tally, ballotsCast: command.data.ballotsCast, ...fundProjects(tally, voting.poolAmountYuan) },
        },
      ];
    }
    case 'ReportProjectProgress': {
      assertMayReport(caller, pool);
      const project = fundedProject(pool, command.data.projectId);
      if (project.completion) throw new DomainError('BUDGET.PROJECT_COMPLETED', 'the project is completed already');
      if (command.data.percent < project.progressPercent) {
        throw new DomainError('BUDGET.PROGRESS_BACKWARDS', `progress is already ${project.progressPercent}%`, { field: 'percent' });
      }
      const { projectId, percent, note, photoIds } = command.data;
      return [
        {
          type: 'BudgetProjectProgressReported',
          data: { poolId, projectId, percent, note, photoIds: [...photoIds], supervisorId: caller.subject },
        },
      ];
    }
    case 'CompleteProject': {
      assertMayReport(caller, pool);
      const project = fundedProject(pool, command.data.projectId);
      if (project.completion) throw new DomainError('BUDGET.PROJECT_COMPLETED', 'the project is completed already');
      const { projectId, summary, afterPhotoIds } = command.data;
      return [{ type: 'BudgetProjectCompleted', data: { poolId, projectId, summary, afterPhotoIds: [...afterPhotoIds] } }];
    }
    case 'EvaluateProject': {
      assertResidentOf(caller, pool.communityId, FORBIDDEN);
      const { projectId, score, comment } = command.data;
      const project = projectOf(pool, projectId);
      if (!project.completion)
        throw new DomainError('BUDGET.PROJECT_NOT_COMPLETED', 'a project is evaluated once it is completed', { field: 'projectId' });
      if (project.evaluations.some((e) => e.residentId === caller.subject)) {
        throw new DomainError('BUDGET.ALREADY_EVALUATED', 'you evaluated this project already');
      }
      return [{ type: 'BudgetProjectEvaluated', data: { poolId, projectId, residentId: caller.subject, score, comment } }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

function fundedProject(pool: BudgetPool, projectId: string): Project {
  const project = projectOf(pool, projectId);
  if (!project.funded) throw new DomainError('BUDGET.PROJECT_NOT_FUNDED', `project ${projectId} was not funded`, { field: 'projectId' });
  return project;
}

const updateProject = (pool: BudgetPool, projectId: string, change: (p: Project) => Project): BudgetPool => ({
  ...pool,
  projects: pool.projects.map((p) => (p.projectId === projectId ? change(p) : p)),
});

function evolve(state: BudgetState, event: BudgetEvent): BudgetState {
  if (event.type === 'BudgetPoolOpened') {
    const { poolId, communityId, year, amountYuan } = event.data;
    return {
      status: 'Ordering',
      opening: event.data,
      poolId,
      communityId,
      year,
      amountYuan,
      needs: [],
      projects: [],
      voting: null,
      roll: null,
      result: null,
    };
  }
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'NeedOrdered': {
      const { needId, title, description, anonymous, residentId } = event.data;
      return { ...state, needs: [...state.needs, { needId, title, description, anonymous, residentId, projectId: null }] };
    }
    case 'NeedMatched': {
      const { needId, projectId, provider, costYuan } = event.data;
      const need = state.needs.find((n) => n.needId === needId);
      return {
        ...state,
        needs: state.needs.map((n) => (n.needId === needId ? { ...n, projectId } : n)),
        projects: [
          ...state.projects,
          {
            projectId,
            needId,
            title: need?.title ?? '',
            provider,
            costYuan,
            funded: false,
            progressPercent: 0,
            progress: [],
            completion: null,
            evaluations: [],
          },
        ],
      };
    }
    case 'VotingRollRecorded':
      return { ...state, roll: new Set(event.data.residentIds) };
    case 'BudgetVotingOpened':
      return { ...state, status: 'Voting', voting: event.data };
    case 'BudgetVotingClosed': {
      const funded = new Set(event.data.fundedProjectIds);
      return {
        ...state,
        status: 'Closed',
        result: event.data,
        projects: state.projects.map((p) => ({ ...p, funded: funded.has(p.projectId) })),
      };
    }
    case 'BudgetProjectProgressReported': {
      const { projectId, percent, note, photoIds } = event.data;
      return updateProject(state, projectId, (p) => ({
        ...p,
        progressPercent: percent,
        progress: [...p.progress, { percent, note, photoIds }],
      }));
    }
    case 'BudgetProjectCompleted': {
      const { projectId, summary, afterPhotoIds } = event.data;
      return updateProject(state, projectId, (p) => ({ ...p, progressPercent: 100, completion: { summary, afterPhotoIds } }));
    }
    case 'BudgetProjectEvaluated': {
      const { projectId, residentId, score, comment } = event.data;
      return updateProject(state, projectId, (p) => ({ ...p, evaluations: [...p.evaluations, { residentId, score, comment }] }));
    }
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}

export const budgetDecider: Decider<BudgetState, BudgetCommand, BudgetEvent, BudgetContext> = {
  decide,
  evolve,
  initialState: initialBudgetState,
};
