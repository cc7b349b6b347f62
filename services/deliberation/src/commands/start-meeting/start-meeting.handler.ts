import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MeetingCommands } from '../../application/meeting-commands';
import { StartMeeting } from './start-meeting.command';

/** The decider judges who may and when; the answer names the meeting. */
@CommandHandler(StartMeeting)
export class StartMeetingHandler implements ICommandHandler<StartMeeting, { meetingId: string }> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { meetingId, caller } }: StartMeeting): Promise<{ meetingId: string }> {
    await this.meetings.execute(meetingId, { type: 'StartMeeting', data: {} }, caller);
    return { meetingId };
  }
}
