import { Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { ChooseVolunteerRole } from './choose-volunteer-role.command';
import type { VolunteerRoleView } from './choose-volunteer-role.handler';
import { chooseVolunteerRoleRequest, type ChooseVolunteerRoleRequest } from './choose-volunteer-role.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/residents')
export class ChooseVolunteerRoleHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':residentId/volunteer-roles')
  @Allow('resident')
  @ApiOperation({ summary: 'Opt in (or out) to serve as a meeting moderator or a volunteer team leader (意见领袖); only for oneself' })
  @ApiZodBody(chooseVolunteerRoleRequest)
  choose(
    @Param('residentId') residentId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(chooseVolunteerRoleRequest) body: ChooseVolunteerRoleRequest,
  ): Promise<VolunteerRoleView> {
    return this.commands.execute(new ChooseVolunteerRole({ caller: p, residentId, role: body.role, optedIn: body.optedIn }));
  }
}
