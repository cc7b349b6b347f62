import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { cityTree } from '@gongzhi/identity';
import { BuildingCommands } from '../../application/building-commands';
import { RegisterBuilding } from './register-building.command';

/** The building's community is the grid's, from the organisation tree: an officer cannot file a grid under another community. */
@CommandHandler(RegisterBuilding)
export class RegisterBuildingHandler implements ICommandHandler<RegisterBuilding, { buildingId: string }> {
  constructor(private readonly buildings: BuildingCommands) {}

  async execute({ data: { request, caller } }: RegisterBuilding): Promise<{ buildingId: string }> {
    const communityId = cityTree().placeOfGrid(request.gridId).communityId;
    if (!communityId) throw new DomainError('BUILDING.GRID_UNKNOWN', `no grid ${request.gridId} in the city`, { field: 'gridId' });
    const now = this.buildings.now();
    const buildingId = uuidv7(now.getTime());
    await this.buildings.executeOnBuilding(
      buildingId,
      { type: 'RegisterBuilding', data: { buildingId, communityId, ...request } },
      caller,
      now,
    );
    return { buildingId };
  }
}
