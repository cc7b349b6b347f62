import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { RecordDecision } from './record-decision.command';
import type { RecordedDecision } from './record-decision.handler';
import { recordDecisionRequest, type RecordDecisionRequest } from './record-decision.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class RecordDecisionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/decisions')
  @ApiOperation({ summary: 'Record a decision of the meeting, with the figures of a show of hands' })
  decision(
    @Param('meetingId') meetingId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(recordDecisionRequest) body: RecordDecisionRequest,
  ): Promise<RecordedDecision> {
    return this.commands.execute(new RecordDecision({ meetingId, caller: p, decision: body }));
  }
}
