import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, handleCommand } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { assertOfficerOf, hasAnyRole, type Caller } from '../../domain/caller';
import { budgetDecider, budgetStreamId } from '../../domain/budget/budget.decider';
import { DEADLINE_CALLER, metadataFor } from '../command-context';
import { readBudgetPool } from './run-budget-command.handler';

/** Fired by the pool's voting deadline, or asked by an officer after it. Idempotent: a pool no longer in Voting is left alone. */
export class CloseBudgetVoting {
  constructor(
    readonly communityId: string,
    readonly year: number,
    readonly caller: Caller = DEADLINE_CALLER,
  ) {}
}

@CommandHandler(CloseBudgetVoting)
export class CloseBudgetVotingHandler implements ICommandHandler<CloseBudgetVoting, void> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  async execute({ communityId, year, caller }: CloseBudgetVoting): Promise<void> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    const state = await readBudgetPool(eventStore, communityId, year);
    if (state.status === 'None') throw new DomainError('BUDGET.NOT_FOUND', `no ${year} budget pool for ${communityId}`);
    // Who and when are checked before the box is sealed: a refused close must not end the vote.
    if (!hasAnyRole(caller, ['system'])) assertOfficerOf(caller, communityId, 'BUDGET.FORBIDDEN');
    if (state.status !== 'Voting') return;
    if (now.getTime() < Date.parse(state.voting!.closesAt)) throw new DomainError('VOTING.NOT_DUE', `voting closes at ${state.voting!.closesAt}`);
    const poolId = budgetStreamId(communityId, year);
    // Sealing first: a ballot racing the close is either counted here or refused, never lost.
    const counts = await this.ballotBox.sealAndCount(poolId);
    const ballotsCast = await this.ballotBox.ballotCount(poolId);
    await handleCommand(eventStore, budgetDecider, poolId, { type: 'CloseBudgetVoting', data: { counts, ballotsCast } }, metadataFor(caller, now), { caller });
  }
}
