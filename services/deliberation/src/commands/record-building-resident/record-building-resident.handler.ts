import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BuildingCommands } from '../../application/building-commands';
import { RecordBuildingResident } from './record-building-resident.command';

@CommandHandler(RecordBuildingResident)
export class RecordBuildingResidentHandler implements ICommandHandler<RecordBuildingResident, { recorded: boolean }> {
  constructor(private readonly buildings: BuildingCommands) {}

  async execute({ data: { buildingId, request, caller } }: RecordBuildingResident): Promise<{ recorded: boolean }> {
    const resident = await this.buildings.lookUp(request.residentId);
    const result = await this.buildings.executeOnBuilding(
      buildingId,
      { type: 'RecordResident', data: { homeId: request.homeId, resident } },
      caller,
    );
    return { recorded: result.events.length > 0 };
  }
}
