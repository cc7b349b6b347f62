import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { BuildingCommands } from '../../application/building-commands';
import { RecordHome } from './record-home.command';

/** Owners are looked up in the register: the decider refuses one an officer has not verified. */
@CommandHandler(RecordHome)
export class RecordHomeHandler implements ICommandHandler<RecordHome, { homeId: string }> {
  constructor(private readonly buildings: BuildingCommands) {}

  async execute({ data: { buildingId, request, caller } }: RecordHome): Promise<{ homeId: string }> {
    const now = this.buildings.now();
    const homeId = request.homeId ?? uuidv7(now.getTime());
    const owners = await Promise.all(request.ownerIds.map((ownerId) => this.buildings.lookUp(ownerId)));
    const areaHundredths = Math.round(request.floorAreaSquareMetres * 100);
    await this.buildings.executeOnBuilding(
      buildingId,
      { type: 'RecordHome', data: { homeId, unit: request.unit, number: request.number, areaHundredths, owners } },
      caller,
      now,
    );
    return { homeId };
  }
}
