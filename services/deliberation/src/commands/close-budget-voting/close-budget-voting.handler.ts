import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { BudgetCommands } from '../../application/budget-commands';
import { DEADLINE_CALLER } from '../../application/command-context';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { assertOfficerOf, hasAnyRole } from '../../domain/caller';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { CloseBudgetVoting } from './close-budget-voting.command';

/** Funds greedily by approvals within the pool, from the sealed box's counts. */
@CommandHandler(CloseBudgetVoting)
export class CloseBudgetVotingHandler implements ICommandHandler<CloseBudgetVoting, { poolId: string }> {
  constructor(
    private readonly pools: BudgetCommands,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  async execute({ data: { communityId, year, caller = DEADLINE_CALLER } }: CloseBudgetVoting): Promise<{ poolId: string }> {
    const now = this.pools.now();
    const poolId = budgetStreamId(communityId, year);
    const state = await this.pools.load(communityId, year);
    if (state.status === 'None') throw new DomainError('BUDGET.NOT_FOUND', `no ${year} budget pool for ${communityId}`);
    // Who and when are checked before the box is sealed: a refused close must not end the vote.
    if (!hasAnyRole(caller, ['system'])) assertOfficerOf(caller, communityId, 'BUDGET.FORBIDDEN');
    if (state.status !== 'Voting') return { poolId };
    if (now.getTime() < Date.parse(state.voting!.closesAt))
      throw new DomainError('VOTING.NOT_DUE', `voting closes at ${state.voting!.closesAt}`);
    // Sealing first: a ballot racing the close is either counted here or refused, never lost.
    const counts = await this.ballotBox.sealAndCount(poolId);
    const ballotsCast = await this.ballotBox.ballotCount(poolId);
    await this.pools.execute(communityId, year, { type: 'CloseBudgetVoting', data: { counts, ballotsCast } }, caller, now);
    return { poolId };
  }
}
