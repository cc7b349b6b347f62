import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import { Streams } from '../../application/streams';

export const myTimeBankResponse = z.object({
  balance: z.number().describe('Hours to spend or transfer.'),
  entries: z.array(
    z.object({
      entryId: z.string(),
      serviceDate: z.iso.date(),
      hours: z.number(),
      verifierId: z.string(),
      communityId: z.string().nullable(),
      status: z.enum(['logged', 'deposited', 'rejected']),
    }),
  ),
});

/** 时间银行: hours logged by a volunteer, verified by the organiser or the recipient, then spent or transferred. */
@ApiTags('points: time bank')
@ApiBearerAuth()
@Controller('api/points/time-bank')
export class TimeBankHttpController {
  constructor(private readonly streams: Streams) {}

  @Get('me')
  @Allow('resident')
  @ApiOperation({ summary: 'My hours: the balance and every entry' })
  @ApiOkFrom(myTimeBankResponse, 'The balance in hours and every logged entry with its status.')
  async mine(@CurrentPrincipal() principal: Principal): Promise<AnswerOf<typeof myTimeBankResponse>> {
    const { state } = await this.streams.timeBankState(principal.subject);
    return { balance: state.balance, entries: Object.entries(state.entries).map(([entryId, entry]) => ({ entryId, ...entry })) };
  }
}
