import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { ReportProgress } from './report-progress.command';

@CommandHandler(ReportProgress)
export class ReportProgressHandler implements ICommandHandler<ReportProgress, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: ReportProgress): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'ReportProgress', data: request }, caller);
    return { topicId };
  }
}
