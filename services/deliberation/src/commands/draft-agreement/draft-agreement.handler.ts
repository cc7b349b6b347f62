import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { MeetingCommands } from '../../application/meeting-commands';
import { DraftAgreement } from './draft-agreement.command';

export interface DraftedAgreement {
  readonly meetingId: string;
  readonly agreementId: string;
}

@CommandHandler(DraftAgreement)
export class DraftAgreementHandler implements ICommandHandler<DraftAgreement, DraftedAgreement> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { meetingId, caller, agreement } }: DraftAgreement): Promise<DraftedAgreement> {
    const now = this.meetings.now();
    const agreementId = uuidv7(now.getTime());
    await this.meetings.execute(meetingId, { type: 'DraftAgreement', data: { agreementId, ...agreement } }, caller, now);
    return { meetingId, agreementId };
  }
}
