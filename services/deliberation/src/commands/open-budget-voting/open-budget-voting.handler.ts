import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { BudgetCommands } from '../../application/budget-commands';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';
import { OpenBudgetVoting } from './open-budget-voting.command';

/** The roll is every verified resident of the community at the moment voting opens, from the register. */
@CommandHandler(OpenBudgetVoting)
export class OpenBudgetVotingHandler implements ICommandHandler<OpenBudgetVoting, { poolId: string }> {
  constructor(
    private readonly pools: BudgetCommands,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
  ) {}

  async execute({ data: { communityId, year, caller, request } }: OpenBudgetVoting): Promise<{ poolId: string }> {
    const verifiedResidents = await this.register.verifiedResidentsOf({ communityId, gridId: null });
    await this.pools.execute(
      communityId,
      year,
      { type: 'OpenBudgetVoting', data: { method: request.method, closesAt: request.closesAt, verifiedResidents } },
      caller,
    );
    return { poolId: budgetStreamId(communityId, year) };
  }
}
