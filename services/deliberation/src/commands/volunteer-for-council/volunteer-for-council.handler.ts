import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RotationCommands } from '../../application/rotation-commands';
import { VolunteerForCouncil } from './volunteer-for-council.command';

@CommandHandler(VolunteerForCouncil)
export class VolunteerForCouncilHandler implements ICommandHandler<VolunteerForCouncil, { communityId: string; volunteered: true }> {
  constructor(private readonly rotations: RotationCommands) {}

  async execute({ data: { communityId, caller, request } }: VolunteerForCouncil): Promise<{ communityId: string; volunteered: true }> {
    await this.rotations.execute(communityId, { type: 'Volunteer', data: { communityId, displayName: request.displayName } }, caller);
    return { communityId, volunteered: true };
  }
}
