import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { LogHours } from './log-hours.command';
import type { LoggedHours } from './log-hours.handler';
import { logHoursRequest, type LogHoursRequest } from './log-hours.request';

/** 时间银行: hours logged by a volunteer, verified by the organiser or the recipient, then spent or transferred. */
@ApiTags('points: time bank')
@ApiBearerAuth()
@Controller('api/points/time-bank')
export class LogHoursHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('entries')
  @Allow('resident')
  @ApiOperation({ summary: 'Log volunteer hours, naming the organiser or recipient who verifies them (at most 24 a day)' })
  log(@CurrentPrincipal() principal: Principal, @ZodBody(logHoursRequest) body: LogHoursRequest) {
    return this.commands.execute<LogHours, LoggedHours>(new LogHours({ principal, hours: body }));
  }
}
