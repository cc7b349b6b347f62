import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { CompleteCommitment } from './complete-commitment.command';
import { completeCommitmentRequest, type CompleteCommitmentRequest } from './complete-commitment.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class CompleteCommitmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/agreement/commitments/:commitmentId/completion')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark a commitment carried out (its party's signatory or an officer)" })
  complete(
    @Param('meetingId') meetingId: string,
    @Param('commitmentId') commitmentId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(completeCommitmentRequest) body: CompleteCommitmentRequest,
  ): Promise<{ meetingId: string }> {
    return this.commands.execute(new CompleteCommitment({ meetingId, commitmentId, caller: p, note: body.note }));
  }
}
