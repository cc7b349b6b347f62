import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { AddStakeholderInput } from './add-stakeholder-input.command';
import { addStakeholderInputRequest, type AddStakeholderInputRequest } from './add-stakeholder-input.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class AddStakeholderInputHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/stakeholder-inputs')
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: "Record a stakeholder's input during consultation" })
  stakeholderInput(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(addStakeholderInputRequest) body: AddStakeholderInputRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new AddStakeholderInput({ topicId, caller: p, request: body }));
  }
}
