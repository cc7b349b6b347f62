import { DomainError } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';
import { NOT_ON_ROLL } from '../voting/ballot-rules';
import type { BudgetState } from './budget.state';

/**
 * Whether this caller may put this approval ballot (the projects they approve) in the pool's secret
 * ballot box now. Pure, so every refusal comes before anything is written. Under 'knapsack' the projects
 * one resident approves may together cost at most the pool.
 */
export function assertMayVoteOnBudget(state: BudgetState, caller: Caller, projectIds: readonly string[], now: Date): void {
  if (state.status === 'None') throw new DomainError('BUDGET.NOT_FOUND', 'no budget pool for this community and year');
  if (state.status === 'Closed') throw new DomainError('VOTING.CLOSED', `voting closed at ${state.voting!.closesAt}`);
  if (state.status !== 'Voting' || !state.voting)
    throw new DomainError('VOTING.NOT_OPEN', `voting is not open on this pool (it is ${state.status})`);
  const voting = state.voting;
  if (now.getTime() >= Date.parse(voting.closesAt)) throw new DomainError('VOTING.CLOSED', `voting closed at ${voting.closesAt}`);
  if (!caller.roles.includes('resident')) throw new DomainError('BALLOT.FORBIDDEN', 'only residents vote');
  if (caller.scope.communityId !== state.communityId)
    throw new DomainError('BALLOT.NOT_ELIGIBLE', `this vote is for the residents of ${state.communityId}`);
  if (caller.verification !== 'verified') {
    throw new DomainError('BALLOT.NOT_ELIGIBLE', 'this vote is for verified residents: ask your community office to verify you');
  }
  if (state.roll && !state.roll.has(caller.subject)) throw new DomainError('BALLOT.NOT_ELIGIBLE', NOT_ON_ROLL);
  if (projectIds.length === 0 || new Set(projectIds).size !== projectIds.length) {
    throw new DomainError('BUDGET.SELECTION_INVALID', 'approve at least one project, each once', { field: 'projectIds' });
  }
  const unknown = projectIds.filter((id) => !voting.projectIds.includes(id));
  if (unknown.length > 0) {
    throw new DomainError(
      'BALLOT.UNKNOWN_OPTION',
      `no candidate project ${unknown.join(', ')}; the candidates are ${voting.projectIds.join(', ')}`,
      {
        field: 'projectIds',
      },
    );
  }
  if (voting.method === 'knapsack') {
    const totalYuan = projectIds.reduce((sum, id) => sum + state.projects.find((p) => p.projectId === id)!.costYuan, 0);
    if (totalYuan > voting.poolAmountYuan) {
      throw new DomainError(
        'BUDGET.SELECTION_OVER_POOL',
        `the projects you selected cost ${totalYuan} yuan, more than the pool of ${voting.poolAmountYuan} yuan`,
        {
          field: 'projectIds',
          totalYuan,
          poolAmountYuan: voting.poolAmountYuan,
        },
      );
    }
  }
}
