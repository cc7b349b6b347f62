import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { VolunteerRole } from '@gongzhi/contracts';
import { VolunteerRoleCommands } from '../../application/volunteer-role-commands';
import { VolunteerTeamCommands } from '../../application/volunteer-team-commands';
import type { VolunteerRolesEvent } from '../../domain/volunteer-roles/volunteer-roles.decider';
import { ChooseVolunteerRole } from './choose-volunteer-role.command';

export interface VolunteerRoleView {
  readonly residentId: string;
  readonly role: VolunteerRole;
  readonly optedIn: boolean;
  readonly communityId: string | null;
}

@CommandHandler(ChooseVolunteerRole)
export class ChooseVolunteerRoleHandler implements ICommandHandler<ChooseVolunteerRole, VolunteerRoleView> {
  constructor(
    private readonly roles: VolunteerRoleCommands,
    private readonly teams: VolunteerTeamCommands,
  ) {}

  async execute({ data: { caller, residentId, role, optedIn } }: ChooseVolunteerRole): Promise<VolunteerRoleView> {
    const { state, events } = await this.roles.execute(
      residentId,
      { type: optedIn ? 'OptIn' : 'OptOut', data: { residentId, role } },
      caller,
    );
    // A leader who withdraws from leading teams (or moves to another community) leaves the team they led there.
    for (const event of events as readonly VolunteerRolesEvent[]) {
      if (event.type === 'VolunteerRoleOptedOut' && event.data.role === 'volunteer-team-leader') {
        await this.teams.standDownIfWithdrawn(residentId, event.data.communityId, caller);
      }
    }
    const communityId = state.standing[role] ?? null;
    return { residentId, role, optedIn: communityId !== null, communityId };
  }
}
