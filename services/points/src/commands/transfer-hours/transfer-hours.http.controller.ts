import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { TransferHours } from './transfer-hours.command';
import type { TransferredHours } from './transfer-hours.handler';
import { transferHoursRequest, type TransferHoursRequest } from './transfer-hours.request';

@ApiTags('points: time bank')
@ApiBearerAuth()
@Controller('api/points/time-bank')
export class TransferHoursHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('transfers')
  @Allow('resident')
  @ApiOperation({ summary: 'Transfer hours to another resident (a family member, say); 404 when the resident is unknown' })
  transfer(@CurrentPrincipal() principal: Principal, @ZodBody(transferHoursRequest) body: TransferHoursRequest) {
    return this.commands.execute<TransferHours, TransferredHours>(new TransferHours({ principal, transfer: body }));
  }
}
