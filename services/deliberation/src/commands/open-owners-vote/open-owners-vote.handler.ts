import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { BuildingCommands } from '../../application/building-commands';
import type { RegisteredBuilding } from '../../domain/building/building.state';
import { OpenOwnersVote } from './open-owners-vote.command';

export interface OpenedOwnersVote {
  readonly voteId: string;
  readonly homesOnRoll: number;
  readonly areaOnRollSquareMetres: number;
}

/** The roll is drawn from the building register, never typed: every home of the buildings, with its area and owners. */
@CommandHandler(OpenOwnersVote)
export class OpenOwnersVoteHandler implements ICommandHandler<OpenOwnersVote, OpenedOwnersVote> {
  constructor(private readonly buildings: BuildingCommands) {}

  async execute({ data: { request, caller } }: OpenOwnersVote): Promise<OpenedOwnersVote> {
    const { buildingIds, ...terms } = request;
    const buildings: RegisteredBuilding[] = [];
    for (const buildingId of new Set(buildingIds)) {
      const state = await this.buildings.building(buildingId);
      if (state.status === 'None') throw new DomainError('BUILDING.NOT_FOUND', `no building ${buildingId}`, { field: 'buildingIds' });
      buildings.push(state);
    }
    const now = this.buildings.now();
    const voteId = uuidv7(now.getTime());
    const result = await this.buildings.executeOnOwnersVote(
      voteId,
      { type: 'OpenOwnersVote', data: { voteId, buildings, ...terms } },
      caller,
      now,
    );
    const vote = result.state.status === 'None' ? null : result.state.vote;
    return { voteId, homesOnRoll: vote?.homesOnRoll ?? 0, areaOnRollSquareMetres: (vote?.areaOnRollHundredths ?? 0) / 100 };
  }
}
