import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InterestGroupCommands } from '../../application/interest-group-commands';
import { JoinInterestGroup } from './join-interest-group.command';

@CommandHandler(JoinInterestGroup)
export class JoinInterestGroupHandler implements ICommandHandler<JoinInterestGroup, { groupId: string; member: true; joined: boolean }> {
  constructor(private readonly groups: InterestGroupCommands) {}

  async execute({ data: { groupId, caller } }: JoinInterestGroup): Promise<{ groupId: string; member: true; joined: boolean }> {
    const result = await this.groups.execute(groupId, { type: 'JoinInterestGroup', data: {} }, caller);
    return { groupId, member: true, joined: result.events.length > 0 };
  }
}
