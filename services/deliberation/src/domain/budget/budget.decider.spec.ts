import { DomainError, SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { evaluationsOf, fundProjects, suggestAllocation } from './allocation';
import { assertMayVoteOnBudget } from './budget-ballot-rules';
import type { BudgetCommand } from './budget.commands';
import { budgetDecider } from './budget.decider';
import type { BudgetEvent } from './budget.events';
import type { BudgetPool } from './budget.state';

const now = new Date('2026-11-26T09:00:00.000Z');
const resident: Caller = {
  subject: 'resident-1',
  roles: ['resident'],
  scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' },
  verification: 'verified',
};
const neighbour: Caller = { ...resident, subject: 'resident-2' };
const outsider: Caller = { ...resident, subject: 'resident-9', scope: { communityId: 'community-other' } };
const officer: Caller = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const otherOfficer: Caller = { ...officer, subject: 'officer-2', scope: { communityId: 'community-other' } };
const supervisor: Caller = {
  subject: 'supervisor-1',
  roles: ['supervisor'],
  scope: { cityId: 'city-shanghai', districtId: 'district-huangpu' },
  verification: 'verified',
};
const otherSupervisor: Caller = {
  ...supervisor,
  subject: 'supervisor-2',
  scope: { cityId: 'city-shanghai', districtId: 'district-jingan' },
};
const deadline: Caller = { subject: 'deadline', roles: ['system'], scope: {}, verification: 'verified' };

const fold = (events: readonly BudgetEvent[]) => events.reduce(budgetDecider.evolve, budgetDecider.initialState());

const spec = deciderSpec(budgetDecider, { actor: SYSTEM_ACTOR, caller: officer, now });

/** Every step names who takes it, and some when; a refusal may name the field at fault. Steps answer nothing, so a one-expression test returns no value to jest. */
function given(events: BudgetEvent[]) {
  return {
    when: (command: BudgetCommand, caller: Caller, at = now) => {
      const decision = spec.given(events).when(command, { caller, now: at });
      return {
        then: (expected: BudgetEvent[]): void => void decision.then(expected),
        thenThrows: (code: string, field?: string): void => void decision.thenThrows(code, field ? { field } : undefined),
      };
    },
  };
}

function expectRefusal(action: () => void, code: string, field?: string): void {
  try {
    action();
  } catch (error) {
    expect((error as DomainError).code).toBe(code);
    if (field) expect((error as DomainError).details.field).toBe(field);
    return;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

const poolId = 'budget-community-hexie-2026';
const noHistory = { satisfaction: null, evaluations: 0 };
const openPool = (overrides: Partial<Extract<BudgetCommand, { type: 'OpenPool' }>['data']> = {}): BudgetCommand => ({
  type: 'OpenPool',
  data: { communityId: 'community-hexie', year: 2026, baseAmountYuan: 100_000, amountYuan: null, previousYear: noHistory, ...overrides },
});
const opened: BudgetEvent = {
  type: 'BudgetPoolOpened',
  data: {
    poolId,
    communityId: 'community-hexie',
    year: 2026,
    baseAmountYuan: 100_000,
    allocationFactor: 1,
    suggestedAmountYuan: 100_000,
    amountYuan: 100_000,
    previousYearSatisfaction: null,
    previousYearEvaluations: 0,
  },
};
const ordered = (needId: string, title: string, residentId: string | null = 'resident-1'): BudgetEvent => ({
  type: 'NeedOrdered',
  data: { poolId, needId, title, description: `${title}，居民反映多次`, anonymous: residentId === null, residentId },
});
const matched = (needId: string, costYuan: number): BudgetEvent => ({
  type: 'NeedMatched',
  data: { poolId, needId, projectId: `p-${needId}`, provider: '某物业服务公司', costYuan },
});
const closesAt = '2026-11-30T09:00:00.000Z';
const afterClose = new Date(closesAt);
/** The community's verified residents when voting opens, as the register answers: the roll. */
const verifiedResidents = Array.from({ length: 10 }, (_, n) => `resident-${n + 1}`);
const rollRecorded: BudgetEvent = {
  type: 'VotingRollRecorded',
  data: { topicId: poolId, scope: 'community', scopeId: 'community-hexie', residentIds: [...verifiedResidents].sort(), size: 10 },
};
const votingOpened = (method: 'approval' | 'knapsack' = 'knapsack'): BudgetEvent => ({
  type: 'BudgetVotingOpened',
  data: { poolId, method, closesAt, projectIds: ['p-n1', 'p-n2', 'p-n3'], poolAmountYuan: 100_000, eligibleVoters: 10 },
});
const ordering = [
  opened,
  ordered('n1', '路灯维修'),
  ordered('n2', '加装休闲座椅'),
  ordered('n3', '楼道扶手', null),
  matched('n1', 60_000),
  matched('n2', 50_000),
  matched('n3', 30_000),
];
const voting = [...ordering, rollRecorded, votingOpened()];
const closed: BudgetEvent = {
  type: 'BudgetVotingClosed',
  data: {
    poolId,
    tally: [
      { projectId: 'p-n1', votes: 9, costYuan: 60_000 },
      { projectId: 'p-n2', votes: 7, costYuan: 50_000 },
      { projectId: 'p-n3', votes: 4, costYuan: 30_000 },
    ],
    ballotsCast: 12,
    fundedProjectIds: ['p-n1', 'p-n3'],
    fundedTotalYuan: 90_000,
    remainingYuan: 10_000,
    unfunded: [{ projectId: 'p-n2', reason: 'over_remaining_budget' }],
  },
};
const funded = [...voting, closed];
const completed: BudgetEvent = {
  type: 'BudgetProjectCompleted',
  data: { poolId, projectId: 'p-n1', summary: '12 盏路灯已修复', afterPhotoIds: ['photo-2'] },
};
const evaluated: BudgetEvent = {
  type: 'BudgetProjectEvaluated',
  data: { poolId, projectId: 'p-n1', residentId: 'resident-1', score: 5, comment: '晚上亮堂了' },
};

describe('budget decider (民生微实事)', () => {
  describe('opening a pool', () => {
    it('lets an officer of the community open it, at the base amount without last year’s evaluations', () =>
      given([]).when(openPool(), officer).then([opened]));

    it("adjusts the amount by last year's satisfaction and records the suggestion", () =>
      given([])
        .when(openPool({ previousYear: { satisfaction: 4.5, evaluations: 40 } }), officer)
        .then([
          {
            type: 'BudgetPoolOpened',
            data: {
              ...opened.data,
              allocationFactor: 1.15,
              suggestedAmountYuan: 115_000,
              amountYuan: 115_000,
              previousYearSatisfaction: 4.5,
              previousYearEvaluations: 40,
            },
          },
        ]));

    it('keeps an amount the officer sets, next to the suggestion', () =>
      given([])
        .when(openPool({ amountYuan: 90_000, previousYear: { satisfaction: 2, evaluations: 3 } }), officer)
        .then([
          {
            type: 'BudgetPoolOpened',
            data: {
              ...opened.data,
              allocationFactor: 0.9,
              suggestedAmountYuan: 90_000,
              amountYuan: 90_000,
              previousYearSatisfaction: 2,
              previousYearEvaluations: 3,
            },
          },
        ]));

    it('refuses residents, officers of other communities, a second pool and an empty pool', () => {
      given([]).when(openPool(), resident).thenThrows('BUDGET.FORBIDDEN');
      given([]).when(openPool(), otherOfficer).thenThrows('BUDGET.FORBIDDEN');
      given([opened]).when(openPool(), officer).thenThrows('BUDGET.ALREADY_EXISTS');
      given([])
        .when(openPool({ baseAmountYuan: 0 }), officer)
        .thenThrows('BUDGET.AMOUNT_INVALID', 'baseAmountYuan');
    });

    it('answers every other command on a missing pool with NOT_FOUND', () =>
      given([])
        .when({ type: 'OrderNeed', data: { needId: 'n1', title: 't', description: 'd', anonymous: false } }, resident)
        .thenThrows('BUDGET.NOT_FOUND'));
  });

  describe('ordering and matching (点单、配单)', () => {
    it('lets a resident order several needs, anonymously in public if asked', () => {
      given([opened])
        .when(
          { type: 'OrderNeed', data: { needId: 'n1', title: '路灯维修', description: '路灯维修，居民反映多次', anonymous: false } },
          resident,
        )
        .then([ordered('n1', '路灯维修')]);
      given([opened, ordered('n1', '路灯维修')])
        .when(
          { type: 'OrderNeed', data: { needId: 'n3', title: '楼道扶手', description: '楼道扶手，居民反映多次', anonymous: true } },
          resident,
        )
        .then([ordered('n3', '楼道扶手', null)]);
    });

    it('refuses a resident of another community, an officer and a duplicate need id', () => {
      const order: BudgetCommand = { type: 'OrderNeed', data: { needId: 'n1', title: 't', description: 'd', anonymous: false } };
      given([opened]).when(order, outsider).thenThrows('BUDGET.FORBIDDEN');
      given([opened]).when(order, officer).thenThrows('BUDGET.FORBIDDEN');
      given([opened, ordered('n1', 't')])
        .when(order, resident)
        .thenThrows('BUDGET.NEED_EXISTS');
    });

    it('lets an officer match a need with a provider and a cost', () =>
      given([opened, ordered('n1', '路灯维修')])
        .when({ type: 'MatchNeed', data: { needId: 'n1', projectId: 'p-n1', provider: '某物业服务公司', costYuan: 60_000 } }, officer)
        .then([matched('n1', 60_000)]));

    it('refuses matching by a resident, an unknown need, a second match and a cost over the pool', () => {
      const match = (needId: string, costYuan: number): BudgetCommand => ({
        type: 'MatchNeed',
        data: { needId, projectId: `p-${needId}`, provider: 'x', costYuan },
      });
      given([opened, ordered('n1', 't')])
        .when(match('n1', 1), resident)
        .thenThrows('BUDGET.FORBIDDEN');
      given([opened]).when(match('n9', 1), officer).thenThrows('BUDGET_NEED.NOT_FOUND', 'needId');
      given([opened, ordered('n1', 't'), matched('n1', 5)])
        .when(match('n1', 6), officer)
        .thenThrows('BUDGET.NEED_ALREADY_MATCHED');
      given([opened, ordered('n1', 't')])
        .when(match('n1', 100_001), officer)
        .thenThrows('BUDGET.COST_OVER_POOL', 'costYuan');
      given([opened, ordered('n1', 't')])
        .when(match('n1', 0), officer)
        .thenThrows('BUDGET.COST_INVALID', 'costYuan');
    });
  });

  describe('opening selection', () => {
    const open = (
      closes = closesAt,
      method: 'approval' | 'knapsack' = 'knapsack',
      residents: readonly string[] = verifiedResidents,
    ): BudgetCommand => ({
      type: 'OpenBudgetVoting',
      data: { method, closesAt: closes, verifiedResidents: residents },
    });

    it("opens a 3–7 day window on every matched need, recording the community's verified residents as the roll", () =>
      given(ordering).when(open(), officer).then([rollRecorded, votingOpened()]));

    it('counts each verified resident once, and refuses a vote nobody could cast', () => {
      given(ordering)
        .when(open(closesAt, 'knapsack', [...verifiedResidents, 'resident-3']), officer)
        .then([rollRecorded, votingOpened()]);
      given(ordering)
        .when(open(closesAt, 'knapsack', []), officer)
        .thenThrows('VOTING.ROLL_EMPTY');
    });

    it('refuses a window out of range, nothing matched, a resident, and ordering or matching once voting is open', () => {
      given(ordering).when(open('2026-11-28T09:00:00.000Z'), officer).thenThrows('VOTING.WINDOW_OUT_OF_RANGE', 'closesAt');
      given(ordering).when(open('2026-12-04T09:00:00.000Z'), officer).thenThrows('VOTING.WINDOW_OUT_OF_RANGE', 'closesAt');
      given([opened, ordered('n1', 't')])
        .when(open(), officer)
        .thenThrows('BUDGET.NOTHING_TO_VOTE_ON');
      given(ordering).when(open(), resident).thenThrows('BUDGET.FORBIDDEN');
      given(voting)
        .when({ type: 'OrderNeed', data: { needId: 'n9', title: 't', description: 'd', anonymous: false } }, resident)
        .thenThrows('BUDGET.WRONG_STAGE');
      given(voting)
        .when({ type: 'MatchNeed', data: { needId: 'n1', projectId: 'p', provider: 'x', costYuan: 1 } }, officer)
        .thenThrows('BUDGET.WRONG_STAGE');
      given(voting).when(open(), officer).thenThrows('BUDGET.WRONG_STAGE');
    });
  });

  describe('ballots (secret approval ballots, checked before the ballot box)', () => {
    const state = fold(voting);

    it('accepts a selection within the pool', () =>
      expect(() => assertMayVoteOnBudget(state, resident, ['p-n1', 'p-n3'], now)).not.toThrow());

    it('refuses a selection over the pool, naming the field', () =>
      expectRefusal(() => assertMayVoteOnBudget(state, resident, ['p-n1', 'p-n2'], now), 'BUDGET.SELECTION_OVER_POOL', 'projectIds'));

    it('lets a simple approval ballot select more than the pool', () =>
      expect(() =>
        assertMayVoteOnBudget(fold([...ordering, votingOpened('approval')]), resident, ['p-n1', 'p-n2', 'p-n3'], now),
      ).not.toThrow());

    it('refuses unknown or repeated projects, other communities, non-residents, and ballots outside the window', () => {
      expectRefusal(() => assertMayVoteOnBudget(state, resident, ['p-n9'], now), 'BALLOT.UNKNOWN_OPTION', 'projectIds');
      expectRefusal(() => assertMayVoteOnBudget(state, resident, ['p-n1', 'p-n1'], now), 'BUDGET.SELECTION_INVALID', 'projectIds');
      expectRefusal(() => assertMayVoteOnBudget(state, resident, [], now), 'BUDGET.SELECTION_INVALID', 'projectIds');
      expectRefusal(() => assertMayVoteOnBudget(state, outsider, ['p-n1'], now), 'BALLOT.NOT_ELIGIBLE');
      // Verified and of the community, but not on the roll drawn when voting opened.
      expectRefusal(() => assertMayVoteOnBudget(state, { ...resident, subject: 'resident-99' }, ['p-n1'], now), 'BALLOT.NOT_ELIGIBLE');
      expectRefusal(() => assertMayVoteOnBudget(state, { ...resident, verification: 'unverified' }, ['p-n1'], now), 'BALLOT.NOT_ELIGIBLE');
      expectRefusal(() => assertMayVoteOnBudget(state, officer, ['p-n1'], now), 'BALLOT.FORBIDDEN');
      expectRefusal(() => assertMayVoteOnBudget(fold(ordering), resident, ['p-n1'], now), 'VOTING.NOT_OPEN');
      expectRefusal(() => assertMayVoteOnBudget(state, resident, ['p-n1'], afterClose), 'VOTING.CLOSED');
      expectRefusal(() => assertMayVoteOnBudget(fold(funded), resident, ['p-n1'], now), 'VOTING.CLOSED');
      expectRefusal(() => assertMayVoteOnBudget(fold([]), resident, ['p-n1'], now), 'BUDGET.NOT_FOUND');
    });
  });

  describe('closing', () => {
    const close: BudgetCommand = { type: 'CloseBudgetVoting', data: { counts: { 'p-n1': 9, 'p-n2': 7, 'p-n3': 4 }, ballotsCast: 12 } };

    it('funds greedily by approvals within the pool and lists the rest with reasons', () =>
      given(voting).when(close, deadline, afterClose).then([closed]));

    it('lets an officer close after the window, never before, and nobody else', () => {
      given(voting).when(close, officer, afterClose).then([closed]);
      given(voting).when(close, officer).thenThrows('VOTING.NOT_DUE');
      given(voting).when(close, deadline).thenThrows('VOTING.NOT_DUE');
      given(voting).when(close, resident, afterClose).thenThrows('BUDGET.FORBIDDEN');
      given(funded).when(close, deadline, afterClose).thenThrows('BUDGET.WRONG_STAGE');
    });
  });

  describe('funded projects', () => {
    const progress: BudgetEvent = {
      type: 'BudgetProjectProgressReported',
      data: { poolId, projectId: 'p-n1', percent: 50, note: '已更换 6 盏', photoIds: ['photo-1'], supervisorId: 'supervisor-1' },
    };
    const report = (projectId: string, percent: number): BudgetCommand => ({
      type: 'ReportProjectProgress',
      data: { projectId, percent, note: '已更换 6 盏', photoIds: ['photo-1'] },
    });
    const complete = (projectId: string): BudgetCommand => ({
      type: 'CompleteProject',
      data: { projectId, summary: '12 盏路灯已修复', afterPhotoIds: ['photo-2'] },
    });
    const evaluate = (projectId: string, score = 5): BudgetCommand => ({
      type: 'EvaluateProject',
      data: { projectId, score, comment: score === 5 ? '晚上亮堂了' : null },
    });

    it('report progress, never backwards, and complete', () => {
      given(funded).when(report('p-n1', 50), supervisor).then([progress]);
      given(funded).when(report('p-n1', 50), otherSupervisor).thenThrows('BUDGET.FORBIDDEN');
      given([...funded, progress])
        .when(report('p-n1', 40), supervisor)
        .thenThrows('BUDGET.PROGRESS_BACKWARDS', 'percent');
      given([...funded, progress])
        .when(complete('p-n1'), supervisor)
        .then([completed]);
      given(funded).when(complete('p-n1'), officer).then([completed]);
    });

    it('refuses progress on unfunded or unknown projects, by residents, and after completion', () => {
      given(funded).when(report('p-n2', 10), supervisor).thenThrows('BUDGET.PROJECT_NOT_FUNDED', 'projectId');
      given(funded).when(report('p-n9', 10), supervisor).thenThrows('BUDGET_PROJECT.NOT_FOUND', 'projectId');
      given(funded).when(report('p-n1', 10), resident).thenThrows('BUDGET.FORBIDDEN');
      given(funded).when(report('p-n1', 10), otherOfficer).thenThrows('BUDGET.FORBIDDEN');
      given(voting).when(report('p-n1', 10), supervisor).thenThrows('BUDGET.PROJECT_NOT_FUNDED');
      given([...funded, completed])
        .when(report('p-n1', 100), supervisor)
        .thenThrows('BUDGET.PROJECT_COMPLETED');
      given([...funded, completed])
        .when(complete('p-n1'), supervisor)
        .thenThrows('BUDGET.PROJECT_COMPLETED');
    });

    it('lets each resident evaluate a completed project once (评单)', () => {
      given([...funded, completed])
        .when(evaluate('p-n1'), resident)
        .then([evaluated]);
      given([...funded, completed, evaluated])
        .when(evaluate('p-n1', 4), resident)
        .thenThrows('BUDGET.ALREADY_EVALUATED');
      given([...funded, completed, evaluated])
        .when(evaluate('p-n1', 4), neighbour)
        .then([{ type: 'BudgetProjectEvaluated', data: { poolId, projectId: 'p-n1', residentId: 'resident-2', score: 4, comment: null } }]);
    });

    it('refuses an evaluation before completion, and by outsiders', () => {
      given(funded).when(evaluate('p-n1'), resident).thenThrows('BUDGET.PROJECT_NOT_COMPLETED', 'projectId');
      given([...funded, progress])
        .when(evaluate('p-n1'), resident)
        .thenThrows('BUDGET.PROJECT_NOT_COMPLETED', 'projectId');
      given([...funded, completed])
        .when(evaluate('p-n1'), outsider)
        .thenThrows('BUDGET.FORBIDDEN');
      given([...funded, completed])
        .when(evaluate('p-n1'), officer)
        .thenThrows('BUDGET.FORBIDDEN');
    });
  });
});

describe('the rules of the money', () => {
  it('funds greedily, skipping what no longer fits, never a project without approvals', () => {
    expect(
      fundProjects(
        [
          { projectId: 'a', costYuan: 70, votes: 5 },
          { projectId: 'b', costYuan: 40, votes: 5 },
          { projectId: 'c', costYuan: 50, votes: 3 },
          { projectId: 'd', costYuan: 10, votes: 1 },
          { projectId: 'e', costYuan: 1, votes: 0 },
        ],
        100,
      ),
    ).toEqual({
      // b ties a on approvals and is cheaper; a no longer fits; c fits in the 60 left; d in the 10 left.
      fundedProjectIds: ['b', 'c', 'd'],
      fundedTotalYuan: 100,
      remainingYuan: 0,
      unfunded: [
        { projectId: 'a', reason: 'over_remaining_budget' },
        { projectId: 'e', reason: 'no_votes' },
      ],
    });
  });

  it("suggests next year's amount from this year's evaluations, within 80–120 %", () => {
    expect(suggestAllocation(200_000, { satisfaction: 5, evaluations: 10 })).toMatchObject({
      allocationFactor: 1.2,
      suggestedAmountYuan: 240_000,
    });
    expect(suggestAllocation(200_000, { satisfaction: 1, evaluations: 10 })).toMatchObject({
      allocationFactor: 0.8,
      suggestedAmountYuan: 160_000,
    });
    expect(suggestAllocation(200_000, { satisfaction: 3.33, evaluations: 3 })).toMatchObject({
      allocationFactor: 1.03,
      suggestedAmountYuan: 206_000,
    });
    expect(suggestAllocation(200_000, noHistory)).toMatchObject({
      allocationFactor: 1,
      suggestedAmountYuan: 200_000,
      previousYearSatisfaction: null,
    });
    const pool = fold([
      ...funded,
      completed,
      evaluated,
      { type: 'BudgetProjectEvaluated', data: { poolId, projectId: 'p-n1', residentId: 'resident-2', score: 4, comment: null } },
    ]);
    expect(evaluationsOf(pool as BudgetPool)).toEqual({ satisfaction: 4.5, evaluations: 2 });
    expect(evaluationsOf(null)).toEqual(noHistory);
  });
});
