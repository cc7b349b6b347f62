import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BuildingCommands } from '../../application/building-commands';
import { DEADLINE_CALLER } from '../../application/command-context';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { buildingDecider } from '../../domain/building/building.decider';
import { CloseHeadElection } from './close-head-election.command';

/**
 * The decider judges the close once without counts (who, when, already closed) before the box is sealed, so a
 * refused close never ends the vote; then the box is sealed and counted, and the result appended.
 */
@CommandHandler(CloseHeadElection)
export class CloseHeadElectionHandler implements ICommandHandler<CloseHeadElection, { electionId: string }> {
  constructor(
    private readonly buildings: BuildingCommands,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  async execute({ data: { buildingId, electionId, caller = DEADLINE_CALLER } }: CloseHeadElection): Promise<{ electionId: string }> {
    const now = this.buildings.now();
    const state = await this.buildings.building(buildingId);
    const dryRun = buildingDecider.decide({ type: 'CloseHeadElection', data: { electionId, counts: {} } }, state, {
      now,
      actor: { id: caller.subject, kind: 'user' },
      caller,
    });
    if (dryRun.length === 0) return { electionId };
    const counts = await this.ballotBox.sealAndCount(electionId);
    await this.buildings.executeOnBuilding(buildingId, { type: 'CloseHeadElection', data: { electionId, counts } }, caller, now);
    return { electionId };
  }
}
