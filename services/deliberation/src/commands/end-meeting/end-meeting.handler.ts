import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MeetingCommands } from '../../application/meeting-commands';
import { EndMeeting } from './end-meeting.command';

/** The decider judges who may and when; the answer names the meeting. */
@CommandHandler(EndMeeting)
export class EndMeetingHandler implements ICommandHandler<EndMeeting, { meetingId: string }> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { meetingId, caller } }: EndMeeting): Promise<{ meetingId: string }> {
    await this.meetings.execute(meetingId, { type: 'EndMeeting', data: {} }, caller);
    return { meetingId };
  }
}
