import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { RecordAttendance } from './record-attendance.command';

@CommandHandler(RecordAttendance)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendance, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: RecordAttendance): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'RecordAttendance', data: request }, caller);
    return { topicId };
  }
}
