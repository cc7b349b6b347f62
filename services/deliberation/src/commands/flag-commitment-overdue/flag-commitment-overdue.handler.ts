import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { MeetingCommands } from '../../application/meeting-commands';
import { DEADLINE_CALLER } from '../../application/command-context';
import { FlagCommitmentOverdue } from './flag-commitment-overdue.command';

@CommandHandler(FlagCommitmentOverdue)
export class FlagCommitmentOverdueHandler implements ICommandHandler<FlagCommitmentOverdue, void> {
  constructor(private readonly meetings: MeetingCommands) {}

  async execute({ data: { meetingId, commitmentId } }: FlagCommitmentOverdue): Promise<void> {
    try {
      await this.meetings.execute(meetingId, { type: 'FlagCommitmentOverdue', data: { commitmentId } }, DEADLINE_CALLER);
    } catch (error) {
      // Not due yet: the timer tries again. Any other refusal (no such meeting) will not change by retrying.
      if (error instanceof DomainError && error.code !== 'COMMITMENT.NOT_DUE') return;
      throw error;
    }
  }
}
