import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { budgetStreamId } from '../../domain/budget/budget.decider';
import { BudgetCommands } from '../../application/budget-commands';
import { OrderNeed } from './order-need.command';

@CommandHandler(OrderNeed)
export class OrderNeedHandler implements ICommandHandler<OrderNeed, { poolId: string; needId: string }> {
  constructor(private readonly pools: BudgetCommands) {}

  async execute({ data: { communityId, year, caller, request } }: OrderNeed): Promise<{ poolId: string; needId: string }> {
    const now = this.pools.now();
    const needId = uuidv7(now.getTime());
    await this.pools.execute(communityId, year, { type: 'OrderNeed', data: { needId, ...request } }, caller, now);
    return { poolId: budgetStreamId(communityId, year), needId };
  }
}
