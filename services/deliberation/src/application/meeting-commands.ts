import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type DurableScheduler, type ServiceInfrastructure } from '@gongzhi/runtime';
import { COMMITMENT_DUE_TIMER, VOTING_SCHEDULER } from '../deliberation.tokens';
import type { Caller } from '../domain/caller';
import type { CouncilCommand } from '../domain/council/council.commands';
import { councilDecider, meetingStreamId } from '../domain/council/council.decider';
import type { MeetingState } from '../domain/council/council.state';

/** Load, decide, append for council meetings, and keep each commitment's deadline in step with what was stored. */
@Injectable()
export class MeetingCommands {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(VOTING_SCHEDULER) private readonly scheduler: DurableScheduler,
  ) {}

  now(): Date {
    return this.infrastructure.clock.now();
  }

  async execute(meetingId: string, command: CouncilCommand, caller: Caller, now = this.now()): Promise<CommandResult<MeetingState>> {
    const result = await handleCommand(
      this.infrastructure.eventStore,
      councilDecider,
      meetingStreamId(meetingId),
      command,
      commandMetadataFor(caller, now),
      { caller },
    );
    for (const event of result.events) {
      // Commitments are tracked once every party signed: each gets a durable deadline that flags it overdue.
      if (event.type === 'AgreementConcluded' && result.state.status !== 'None' && result.state.agreement) {
        for (const { commitmentId, dueAt } of result.state.agreement.commitments) {
          await this.scheduler.schedule(`commitment-due:${meetingId}:${commitmentId}`, new Date(dueAt), COMMITMENT_DUE_TIMER, {
            meetingId,
            commitmentId,
          });
        }
      }
      if (event.type === 'CommitmentCompleted') {
        await this.scheduler.cancel(`commitment-due:${meetingId}:${(event.data as { commitmentId: string }).commitmentId}`);
      }
    }
    return result;
  }
}
