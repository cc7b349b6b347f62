import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { RecordMinutes } from './record-minutes.command';
import { recordMinutesRequest, type RecordMinutesRequest } from './record-minutes.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class RecordMinutesHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/minutes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record (or replace) the minutes (会议纪要)' })
  minutes(
    @Param('meetingId') meetingId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(recordMinutesRequest) body: RecordMinutesRequest,
  ): Promise<{ meetingId: string }> {
    return this.commands.execute(new RecordMinutes({ meetingId, caller: p, request: body }));
  }
}
