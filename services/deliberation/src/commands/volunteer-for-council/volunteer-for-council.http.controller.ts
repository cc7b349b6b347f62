import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { VolunteerForCouncil } from './volunteer-for-council.command';
import { volunteerForCouncilRequest, type VolunteerForCouncilRequest } from './volunteer-for-council.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/councils')
export class VolunteerForCouncilHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/volunteers')
  @Allow('resident')
  @ApiOperation({ summary: 'Volunteer to serve on the community council (轮值)' })
  @ApiZodBody(volunteerForCouncilRequest)
  volunteer(
    @Param('communityId') communityId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(volunteerForCouncilRequest) body: VolunteerForCouncilRequest,
  ): Promise<{ communityId: string; volunteered: true }> {
    return this.commands.execute(new VolunteerForCouncil({ communityId, caller: p, request: body }));
  }
}
