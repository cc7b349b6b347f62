import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InterestGroupCommands } from '../../application/interest-group-commands';
import { LeaveInterestGroup } from './leave-interest-group.command';

@CommandHandler(LeaveInterestGroup)
export class LeaveInterestGroupHandler implements ICommandHandler<LeaveInterestGroup, { groupId: string; member: false; left: boolean }> {
  constructor(private readonly groups: InterestGroupCommands) {}

  async execute({ data: { groupId, caller } }: LeaveInterestGroup): Promise<{ groupId: string; member: false; left: boolean }> {
    const result = await this.groups.execute(groupId, { type: 'LeaveInterestGroup', data: {} }, caller);
    return { groupId, member: false, left: result.events.length > 0 };
  }
}
