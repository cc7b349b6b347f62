import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BuildingCommands } from '../../application/building-commands';
import { ConcurrencyLimit } from '../../application/concurrency-limit';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { homeBallotDecider, homeBallotStreamId } from '../../domain/owners-vote/home-ballot.decider';
import { assertMayCastForHome } from '../../domain/owners-vote/owners-ballot-rules';
import { CastOwnersBallot } from './cast-owners-ballot.command';

const BALLOTS_IN_FLIGHT = 16;

export interface OwnersBallotReceipt {
  readonly voteId: string;
  readonly homeId: string;
  /** The receipt of the act of voting; it says nothing of the choice. */
  readonly ballotId: string;
  readonly firstBallot: boolean;
}

/**
 * Every refusal first; then the home's ballot stream claims the home for this owner (an append with its expected
 * version, so of two co-owners racing one is refused); then the sealed box, keyed by the HOME, so the home holds one
 * ballot whatever happens. The owner's retry after a failure between the two writes passes the claim and completes.
 */
@CommandHandler(CastOwnersBallot)
export class CastOwnersBallotHandler implements ICommandHandler<CastOwnersBallot, OwnersBallotReceipt> {
  private readonly inFlight = new ConcurrencyLimit(BALLOTS_IN_FLIGHT);

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
    private readonly buildings: BuildingCommands,
  ) {}

  execute(command: CastOwnersBallot): Promise<OwnersBallotReceipt> {
    return this.inFlight.run(() => this.cast(command));
  }

  private async cast({ data: { voteId, homeId, optionId, caller } }: CastOwnersBallot): Promise<OwnersBallotReceipt> {
    const now = this.buildings.now();
    assertMayCastForHome(await this.buildings.ownersVote(voteId), caller, homeId, optionId, now);
    const claim = await handleCommand(
      this.infrastructure.eventStore,
      homeBallotDecider,
      homeBallotStreamId(voteId, homeId),
      { type: 'RecordOwnerBallot', data: { voteId, homeId, ownerId: caller.subject, ballotId: uuidv7(now.getTime()) } },
      commandMetadataFor(caller, now),
    );
    await this.ballotBox.cast(voteId, homeId, [optionId]);
    return { voteId, homeId, ballotId: claim.state.ballotId!, firstBallot: claim.events.length > 0 };
  }
}
