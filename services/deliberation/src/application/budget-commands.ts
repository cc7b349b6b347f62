import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { fold, handleCommand, toDomainEvent, type CommandResult, type EventStore } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type DurableScheduler, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CLOSE_BUDGET_VOTE_TIMER, VOTING_SCHEDULER } from '../deliberation.tokens';
import type { Caller } from '../domain/caller';
import type { BudgetCommand } from '../domain/budget/budget.commands';
import { budgetDecider, budgetStreamId } from '../domain/budget/budget.decider';
import type { BudgetEvent } from '../domain/budget/budget.events';
import type { BudgetPool, BudgetState } from '../domain/budget/budget.state';

export async function readBudgetPool(eventStore: EventStore, communityId: string, year: number): Promise<BudgetState> {
  const { events } = await eventStore.readStream(budgetStreamId(communityId, year));
  return fold(
    budgetDecider,
    events.map((e) => toDomainEvent<BudgetEvent>(e)),
  );
}

export const poolOrNull = (state: BudgetState): BudgetPool | null => (state.status === 'None' ? null : state);

/** Load, decide, append for a community's budget pool of a year, and set its vote's deadline once that is stored. */
@Injectable()
export class BudgetCommands {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(VOTING_SCHEDULER) private readonly scheduler: DurableScheduler,
  ) {}

  now(): Date {
    return this.infrastructure.clock.now();
  }

  load(communityId: string, year: number): Promise<BudgetState> {
    return readBudgetPool(this.infrastructure.eventStore, communityId, year);
  }

  async execute(
    communityId: string,
    year: number,
    command: BudgetCommand,
    caller: Caller,
    now = this.now(),
  ): Promise<CommandResult<BudgetState>> {
    // The envelope's actor is published with the event: an anonymous resident must not appear in it.
    const anonymous = command.type === 'OrderNeed' && command.data.anonymous;
    const streamId = budgetStreamId(communityId, year);
    const result = await handleCommand(
      this.infrastructure.eventStore,
      budgetDecider,
      streamId,
      command,
      commandMetadataFor(caller, now, { anonymous }),
      { caller },
    );
    for (const event of result.events) {
      // The deadline is set only once its BudgetVotingOpened is stored; a restart keeps it (DurableScheduler).
      if (event.type === 'BudgetVotingOpened') {
        const { closesAt } = (event as { data: { closesAt: string } }).data;
        await this.scheduler.schedule(`close-budget-vote:${streamId}`, new Date(closesAt), CLOSE_BUDGET_VOTE_TIMER, { communityId, year });
      }
    }
    return result;
  }
}
