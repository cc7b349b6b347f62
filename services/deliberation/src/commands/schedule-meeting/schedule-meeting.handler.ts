import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { MeetingCommands } from '../../application/meeting-commands';
import { ScheduleMeeting } from './schedule-meeting.command';

/** Numbers the agenda, takes the caller's community when none is named; the ground rules come with the meeting. */
@CommandHandler(ScheduleMeeting)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeeting, { meetingId: string }> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { caller, meeting } }: ScheduleMeeting): Promise<{ meetingId: string }> {
    const now = this.meetings.now();
    const meetingId = uuidv7(now.getTime());
    const agenda = meeting.agenda.map((title, i) => ({ itemId: `item-${i + 1}`, title }));
    const communityId = meeting.communityId ?? caller.scope.communityId ?? '';
    const { topicId, title, scheduledAt, moderatorId } = meeting;
    await this.meetings.execute(
      meetingId,
      { type: 'ScheduleMeeting', data: { meetingId, communityId, topicId, title, scheduledAt, agenda, moderatorId } },
      caller,
      now,
    );
    return { meetingId };
  }
}
