import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { BuildingCommands } from '../../application/building-commands';
import { OpenHeadElection } from './open-head-election.command';

export interface OpenedHeadElection {
  readonly electionId: string;
  readonly eligibleVoters: number;
}

/** The roll is the building's recorded residents, each looked up again in the register now: a resident no longer verified is off it. */
@CommandHandler(OpenHeadElection)
export class OpenHeadElectionHandler implements ICommandHandler<OpenHeadElection, OpenedHeadElection> {
  constructor(private readonly buildings: BuildingCommands) {}

  async execute({ data: { buildingId, request, caller } }: OpenHeadElection): Promise<OpenedHeadElection> {
    const state = await this.buildings.building(buildingId);
    const recorded = state.status === 'Registered' ? Object.keys(state.residents) : [];
    const residents = await Promise.all(recorded.map((residentId) => this.buildings.lookUp(residentId)));
    const now = this.buildings.now();
    const electionId = uuidv7(now.getTime());
    const result = await this.buildings.executeOnBuilding(
      buildingId,
      { type: 'OpenHeadElection', data: { electionId, ...request, residents } },
      caller,
      now,
    );
    const election = result.state.status === 'Registered' ? result.state.election : null;
    return { electionId, eligibleVoters: election?.roll.length ?? 0 };
  }
}
