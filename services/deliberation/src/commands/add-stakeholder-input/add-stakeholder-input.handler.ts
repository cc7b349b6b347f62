import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { AddStakeholderInput } from './add-stakeholder-input.command';

@CommandHandler(AddStakeholderInput)
export class AddStakeholderInputHandler implements ICommandHandler<AddStakeholderInput, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: AddStakeholderInput): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'AddStakeholderInput', data: request }, caller);
    return { topicId };
  }
}
