import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { fold, handleCommand, toDomainEvent, type CommandResult, type EventStore } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type DurableScheduler, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../../domain/caller';
import { evaluationsOf } from '../../domain/budget/allocation';
import type { BudgetCommand, OpenPoolData } from '../../domain/budget/budget.commands';
import { budgetDecider, budgetStreamId } from '../../domain/budget/budget.decider';
import type { BudgetEvent } from '../../domain/budget/budget.events';
import type { BudgetPool, BudgetState } from '../../domain/budget/budget.state';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';
import { metadataFor } from '../command-context';
import { CLOSE_BUDGET_VOTE_TIMER, VOTING_SCHEDULER } from '../deliberation-tokens';

type OpenBudgetVotingData = Extract<BudgetCommand, { type: 'OpenBudgetVoting' }>['data'];

/** A budget command as a request gives it: last year's evaluations and the roll are the handler's to look up. */
export type BudgetRequest =
  | Exclude<BudgetCommand, { type: 'OpenPool' | 'OpenBudgetVoting' }>
  | { type: 'OpenPool'; data: Omit<OpenPoolData, 'previousYear'> }
  | { type: 'OpenBudgetVoting'; data: Omit<OpenBudgetVotingData, 'verifiedResidents'> };

export class RunBudgetCommand {
  constructor(
    readonly communityId: string,
    readonly year: number,
    readonly command: BudgetRequest,
    readonly caller: Caller,
  ) {}
}

export async function readBudgetPool(eventStore: EventStore, communityId: string, year: number): Promise<BudgetState> {
  const { events } = await eventStore.readStream(budgetStreamId(communityId, year));
  return fold(budgetDecider, events.map((e) => toDomainEvent<BudgetEvent>(e)));
}

export const poolOrNull = (state: BudgetState): BudgetPool | null => (state.status === 'None' ? null : state);

@CommandHandler(RunBudgetCommand)
export class RunBudgetCommandHandler implements ICommandHandler<RunBudgetCommand, CommandResult<BudgetState>> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(VOTING_SCHEDULER) private readonly scheduler: DurableScheduler,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
  ) {}

  async execute({ communityId, year, command, caller }: RunBudgetCommand): Promise<CommandResult<BudgetState>> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    // 群众评单 feeds the next allocation: the pool of the year before is looked up here, the decider stays pure.
    // The roll is every verified resident of the community at the moment voting opens, from the register.
    const decided: BudgetCommand =
      command.type === 'OpenPool'
        ? { type: 'OpenPool', data: { ...command.data, previousYear: evaluationsOf(poolOrNull(await readBudgetPool(eventStore, communityId, year - 1))) } }
        : command.type === 'OpenBudgetVoting'
          ? { type: 'OpenBudgetVoting', data: { ...command.data, verifiedResidents: await this.register.verifiedResidentsOf({ communityId, gridId: null }) } }
          : command;
    const anonymous = command.type === 'OrderNeed' && command.data.anonymous;
    const streamId = budgetStreamId(communityId, year);
    const result = await handleCommand(eventStore, budgetDecider, streamId, decided, metadataFor(caller, now, { anonymous }), { caller });
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
