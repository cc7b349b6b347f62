import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { OFFICER_ROLES } from '../../domain/caller';
import { CreateInterestGroup } from './create-interest-group.command';
import { createInterestGroupRequest, type CreateInterestGroupRequest } from './create-interest-group.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/interest-groups')
export class CreateInterestGroupHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow('resident', ...OFFICER_ROLES)
  @ApiOperation({ summary: 'Create an interest group (兴趣社团) of a community; a verified resident who founds one joins it' })
  @ApiZodBody(createInterestGroupRequest)
  create(
    @CurrentPrincipal() p: Principal,
    @ZodBody(createInterestGroupRequest) body: CreateInterestGroupRequest,
  ): Promise<{ groupId: string }> {
    return this.commands.execute(new CreateInterestGroup({ request: body, caller: p }));
  }
}
