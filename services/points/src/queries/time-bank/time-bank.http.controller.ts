import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { Streams } from '../../application/streams';

/** 时间银行: hours logged by a volunteer, verified by the organiser or the recipient, then spent or transferred. */
@ApiTags('points: time bank')
@ApiBearerAuth()
@Controller('api/points/time-bank')
export class TimeBankHttpController {
  constructor(private readonly streams: Streams) {}

  @Get('me')
  @Allow('resident')
  @ApiOperation({ summary: 'My hours: the balance and every entry' })
  async mine(@CurrentPrincipal() principal: Principal) {
    const { state } = await this.streams.timeBankState(principal.subject);
    return { balance: state.balance, entries: Object.entries(state.entries).map(([entryId, entry]) => ({ entryId, ...entry })) };
  }
}
