import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { VolunteerRole } from '@gongzhi/contracts';
import { VolunteerRoleCommands } from '../../application/volunteer-role-commands';
import { ChooseVolunteerRole } from './choose-volunteer-role.command';

export interface VolunteerRoleView {
  readonly residentId: string;
  readonly role: VolunteerRole;
  readonly optedIn: boolean;
  readonly communityId: string | null;
}

@CommandHandler(ChooseVolunteerRole)
export class ChooseVolunteerRoleHandler implements ICommandHandler<ChooseVolunteerRole, VolunteerRoleView> {
  constructor(private readonly roles: VolunteerRoleCommands) {}

  async execute({ data: { caller, residentId, role, optedIn } }: ChooseVolunteerRole): Promise<VolunteerRoleView> {
    const { state } = await this.roles.execute(residentId, { type: optedIn ? 'OptIn' : 'OptOut', data: { residentId, role } }, caller);
    const communityId = state.standing[role] ?? null;
    return { residentId, role, optedIn: communityId !== null, communityId };
  }
}
