import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MeetingCommands } from '../../application/meeting-commands';
import { RecordMinutes } from './record-minutes.command';

/** The decider judges who may and when; the answer names the meeting. */
@CommandHandler(RecordMinutes)
export class RecordMinutesHandler implements ICommandHandler<RecordMinutes, { meetingId: string }> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { meetingId, caller, request } }: RecordMinutes): Promise<{ meetingId: string }> {
    await this.meetings.execute(meetingId, { type: 'RecordMinutes', data: { minutes: request.minutes } }, caller);
    return { meetingId };
  }
}
