import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { InterestGroupCommands } from '../../application/interest-group-commands';
import { CreateInterestGroup } from './create-interest-group.command';

/** The group belongs to the named community (the caller's by default); the decider says who may create it there. */
@CommandHandler(CreateInterestGroup)
export class CreateInterestGroupHandler implements ICommandHandler<CreateInterestGroup, { groupId: string }> {
  constructor(private readonly groups: InterestGroupCommands) {}

  async execute({ data: { request, caller } }: CreateInterestGroup): Promise<{ groupId: string }> {
    const communityId = request.communityId ?? caller.scope.communityId;
    if (!communityId) {
      throw new DomainError('GROUP.COMMUNITY_REQUIRED', 'name the community the group belongs to', { field: 'communityId' });
    }
    const now = this.groups.now();
    const groupId = uuidv7(now.getTime());
    const { name, description } = request;
    await this.groups.execute(groupId, { type: 'CreateInterestGroup', data: { groupId, communityId, name, description } }, caller, now);
    return { groupId };
  }
}
