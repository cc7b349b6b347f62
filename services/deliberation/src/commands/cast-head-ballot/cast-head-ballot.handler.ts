import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BuildingCommands } from '../../application/building-commands';
import { ConcurrencyLimit } from '../../application/concurrency-limit';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { buildingVoterDecider, buildingVoterStreamId } from '../../domain/building/building-voter.decider';
import { assertMayVoteForHead } from '../../domain/building/head-ballot-rules';
import { CastHeadBallot } from './cast-head-ballot.command';

const BALLOTS_IN_FLIGHT = 16;

export interface HeadBallotReceipt {
  readonly electionId: string;
  /** The receipt of the act of voting; it says nothing of the choice. */
  readonly ballotId: string;
  readonly firstBallot: boolean;
}

/**
 * As a topic's ballot: every refusal first, then the sealed box (keyed by an HMAC of the voter, so one ballot per
 * resident, replaced in place), then the public record THAT the resident voted.
 */
@CommandHandler(CastHeadBallot)
export class CastHeadBallotHandler implements ICommandHandler<CastHeadBallot, HeadBallotReceipt> {
  private readonly inFlight = new ConcurrencyLimit(BALLOTS_IN_FLIGHT);

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
    private readonly buildings: BuildingCommands,
  ) {}

  execute(command: CastHeadBallot): Promise<HeadBallotReceipt> {
    return this.inFlight.run(() => this.cast(command));
  }

  private async cast({ data: { buildingId, electionId, candidateId, caller } }: CastHeadBallot): Promise<HeadBallotReceipt> {
    const now = this.buildings.now();
    assertMayVoteForHead(await this.buildings.building(buildingId), electionId, caller, candidateId, now);
    await this.ballotBox.cast(electionId, caller.subject, [candidateId]);
    const roll = await handleCommand(
      this.infrastructure.eventStore,
      buildingVoterDecider,
      buildingVoterStreamId(electionId, caller.subject),
      { type: 'RecordHeadVoter', data: { electionId, buildingId, voterId: caller.subject, ballotId: uuidv7(now.getTime()) } },
      commandMetadataFor(caller, now),
    );
    return { electionId, ballotId: roll.state.ballotId!, firstBallot: roll.events.length > 0 };
  }
}
