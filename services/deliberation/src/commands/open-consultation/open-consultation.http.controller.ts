import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { OpenConsultation } from './open-consultation.command';
import { openConsultationRequest, type OpenConsultationRequest } from './open-consultation.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class OpenConsultationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/consultation')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: "Open consultation: stakeholders' input and a draft plan" })
  consult(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(openConsultationRequest) body: OpenConsultationRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new OpenConsultation({ topicId, caller: p, request: body }));
  }
}
