import { Controller, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { JoinInterestGroup } from './join-interest-group.command';
import { membershipRequest } from './join-interest-group.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/interest-groups')
export class JoinInterestGroupHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':groupId/membership')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({ summary: 'Join an interest group of my community (myself only; verified residents); joining again changes nothing' })
  join(@Param('groupId') groupId: string, @CurrentPrincipal() p: Principal, @ZodBody(membershipRequest) _body: unknown) {
    return this.commands.execute(new JoinInterestGroup({ groupId, caller: p }));
  }
}
