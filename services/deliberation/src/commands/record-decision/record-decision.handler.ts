import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { MeetingCommands } from '../../application/meeting-commands';
import { RecordDecision } from './record-decision.command';

export interface RecordedDecision {
  readonly meetingId: string;
  readonly decisionId: string;
}

@CommandHandler(RecordDecision)
export class RecordDecisionHandler implements ICommandHandler<RecordDecision, RecordedDecision> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { meetingId, caller, decision } }: RecordDecision): Promise<RecordedDecision> {
    const now = this.meetings.now();
    const decisionId = uuidv7(now.getTime());
    await this.meetings.execute(meetingId, { type: 'RecordDecision', data: { decisionId, ...decision } }, caller, now);
    return { meetingId, decisionId };
  }
}
