import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { DraftAgreement } from './draft-agreement.command';
import type { DraftedAgreement } from './draft-agreement.handler';
import { draftAgreementRequest, type DraftAgreementRequest } from './draft-agreement.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class DraftAgreementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/agreement')
  @ApiOperation({ summary: 'Draft the agreement: its parties (and who signs for each) and commitments with due dates' })
  agreement(
    @Param('meetingId') meetingId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(draftAgreementRequest) body: DraftAgreementRequest,
  ): Promise<DraftedAgreement> {
    return this.commands.execute(new DraftAgreement({ meetingId, caller: p, agreement: body }));
  }
}
