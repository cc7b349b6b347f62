import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BudgetCommands } from '../../application/budget-commands';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { assertMayVoteOnBudget } from '../../domain/budget/budget-ballot-rules';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { ConcurrencyLimit } from '../../application/concurrency-limit';
import { CastBudgetBallot } from './cast-budget-ballot.command';

const BALLOTS_IN_FLIGHT = 16;

export interface BudgetBallotReceipt {
  readonly poolId: string;
  /** The ballot is in the box; it replaces an earlier one of the same resident. It says nothing of the choice. */
  readonly cast: true;
}

/**
 * A secret approval ballot on a pool's candidate projects. Every refusal (window, eligibility, unknown
 * project, a selection over the pool) comes before the ballot box is touched. The box keeps one ballot per
 * resident (keyed by an HMAC of the resident), changeable until the close; no public event names the voter.
 */
@CommandHandler(CastBudgetBallot)
export class CastBudgetBallotHandler implements ICommandHandler<CastBudgetBallot, BudgetBallotReceipt> {
  private readonly inFlight = new ConcurrencyLimit(BALLOTS_IN_FLIGHT);

  constructor(
    private readonly pools: BudgetCommands,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  execute(command: CastBudgetBallot): Promise<BudgetBallotReceipt> {
    return this.inFlight.run(() => this.cast(command));
  }

  private async cast({ data: { communityId, year, projectIds, caller } }: CastBudgetBallot): Promise<BudgetBallotReceipt> {
    const state = await this.pools.load(communityId, year);
    assertMayVoteOnBudget(state, caller, projectIds, this.pools.now());
    const poolId = budgetStreamId(communityId, year);
    await this.ballotBox.cast(poolId, caller.subject, projectIds);
    return { poolId, cast: true };
  }
}
