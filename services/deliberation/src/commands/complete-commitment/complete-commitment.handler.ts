import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MeetingCommands } from '../../application/meeting-commands';
import { CompleteCommitment } from './complete-commitment.command';

/** Completing a commitment also cancels its overdue deadline (MeetingCommands keeps them in step). */
@CommandHandler(CompleteCommitment)
export class CompleteCommitmentHandler implements ICommandHandler<CompleteCommitment, { meetingId: string }> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { meetingId, commitmentId, caller, note } }: CompleteCommitment): Promise<{ meetingId: string }> {
    await this.meetings.execute(meetingId, { type: 'CompleteCommitment', data: { commitmentId, note } }, caller);
    return { meetingId };
  }
}
