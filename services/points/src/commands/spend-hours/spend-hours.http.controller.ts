import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SpendHours } from './spend-hours.command';
import type { SpentHours } from './spend-hours.handler';
import { spendHoursRequest, type SpendHoursRequest } from './spend-hours.request';

@ApiTags('points: time bank')
@ApiBearerAuth()
@Controller('api/points/time-bank')
export class SpendHoursHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('spendings')
  @Allow('resident')
  @ApiOperation({ summary: 'Spend banked hours on another volunteer’s service' })
  spend(@CurrentPrincipal() principal: Principal, @ZodBody(spendHoursRequest) body: SpendHoursRequest) {
    return this.commands.execute<SpendHours, SpentHours>(new SpendHours({ principal, spending: body }));
  }
}
