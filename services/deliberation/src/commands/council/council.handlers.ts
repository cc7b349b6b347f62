import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, handleCommand, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type DurableScheduler, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../../domain/caller';
import { councilDecider, meetingStreamId, type CouncilCommand, type MeetingState } from '../../domain/council/council.decider';
import { DEADLINE_CALLER, metadataFor } from '../command-context';
import { VOTING_SCHEDULER } from '../deliberation-tokens';

export const COMMITMENT_DUE_TIMER = 'deliberation.commitment-due';

/** Any step of a council meeting and its agreement, as the decider knows it. */
export class RunCouncilCommand {
  constructor(
    readonly meetingId: string,
    readonly command: CouncilCommand,
    readonly caller: Caller,
  ) {}
}

@CommandHandler(RunCouncilCommand)
export class RunCouncilCommandHandler implements ICommandHandler<RunCouncilCommand, CommandResult<MeetingState>> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(VOTING_SCHEDULER) private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ meetingId, command, caller }: RunCouncilCommand): Promise<CommandResult<MeetingState>> {
    const now = this.infrastructure.clock.now();
    const result = await handleCommand(this.infrastructure.eventStore, councilDecider, meetingStreamId(meetingId), command, metadataFor(caller, now), { caller });
    for (const event of result.events) {
      // Commitments are tracked once every party signed: each gets a durable deadline that flags it overdue.
      if (event.type === 'AgreementConcluded' && result.state.status !== 'None' && result.state.agreement) {
        for (const { commitmentId, dueAt } of result.state.agreement.commitments) {
          await this.scheduler.schedule(`commitment-due:${meetingId}:${commitmentId}`, new Date(dueAt), COMMITMENT_DUE_TIMER, { meetingId, commitmentId });
        }
      }
      if (event.type === 'CommitmentCompleted') {
        await this.scheduler.cancel(`commitment-due:${meetingId}:${(event.data as { commitmentId: string }).commitmentId}`);
      }
    }
    return result;
  }
}

/** Fired by a commitment's deadline. Idempotent: a completed or flagged commitment is left alone. */
export class FlagCommitmentOverdue {
  constructor(
    readonly meetingId: string,
    readonly commitmentId: string,
  ) {}
}

@CommandHandler(FlagCommitmentOverdue)
export class FlagCommitmentOverdueHandler implements ICommandHandler<FlagCommitmentOverdue, void> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async execute({ meetingId, commitmentId }: FlagCommitmentOverdue): Promise<void> {
    const now = this.infrastructure.clock.now();
    try {
      await handleCommand(this.infrastructure.eventStore, councilDecider, meetingStreamId(meetingId), { type: 'FlagCommitmentOverdue', data: { commitmentId } }, metadataFor(DEADLINE_CALLER, now), {
        caller: DEADLINE_CALLER,
      });
    } catch (error) {
      // Not due yet: the timer tries again. Any other refusal (no such meeting) will not change by retrying.
      if (error instanceof DomainError && error.code !== 'COMMITMENT.NOT_DUE') return;
      throw error;
    }
  }
}
