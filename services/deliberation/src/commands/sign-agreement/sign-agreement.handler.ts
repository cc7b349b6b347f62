import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MeetingCommands } from '../../application/meeting-commands';
import { SignAgreement } from './sign-agreement.command';

/** The decider judges who may and when; the answer names the meeting. */
@CommandHandler(SignAgreement)
export class SignAgreementHandler implements ICommandHandler<SignAgreement, { meetingId: string }> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { meetingId, caller } }: SignAgreement): Promise<{ meetingId: string }> {
    await this.meetings.execute(meetingId, { type: 'SignAgreement', data: {} }, caller);
    return { meetingId };
  }
}
