import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { OpenConsultation } from './open-consultation.command';

@CommandHandler(OpenConsultation)
export class OpenConsultationHandler implements ICommandHandler<OpenConsultation, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: OpenConsultation): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'OpenConsultation', data: request }, caller);
    return { topicId };
  }
}
