import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { budgetYear } from '../../http/budget-year';
import { OrderNeed } from './order-need.command';
import { orderNeedRequest, type OrderNeedRequest } from './order-need.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class OrderNeedHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/:year/needs')
  @Allow({ role: 'resident', scope: 'community' })
  @ApiOperation({ summary: 'Order a need (居民点单); one resident may order several, optionally anonymous in public' })
  order(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(orderNeedRequest) body: OrderNeedRequest,
  ): Promise<{ poolId: string; needId: string }> {
    return this.commands.execute(new OrderNeed({ communityId, year: budgetYear(year), caller: p, request: body }));
  }
}
