import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { LeaveInterestGroup } from './leave-interest-group.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/interest-groups')
export class LeaveInterestGroupHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':groupId/membership')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({ summary: 'Leave an interest group (myself only): off the roll of the votes it opens from now on' })
  leave(@Param('groupId') groupId: string, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new LeaveInterestGroup({ groupId, caller: p }));
  }
}
