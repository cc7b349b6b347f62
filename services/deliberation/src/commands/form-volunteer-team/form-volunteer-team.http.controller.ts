import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { OFFICER_ROLES } from '../../domain/caller';
import { FormVolunteerTeam } from './form-volunteer-team.command';
import type { VolunteerTeamAnswer } from './form-volunteer-team.handler';
import { formVolunteerTeamRequest, type FormVolunteerTeamRequest } from './form-volunteer-team.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/communities')
export class FormVolunteerTeamHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/volunteer-teams')
  @Allow(...OFFICER_ROLES)
  @ApiOperation({
    summary: "Form a community volunteer team (志愿服务队) and appoint its leader from the community's pool; officers of the community",
  })
  @ApiZodBody(formVolunteerTeamRequest)
  form(
    @CurrentPrincipal() p: Principal,
    @Param('communityId') communityId: string,
    @ZodBody(formVolunteerTeamRequest) body: FormVolunteerTeamRequest,
  ): Promise<VolunteerTeamAnswer> {
    return this.commands.execute(new FormVolunteerTeam({ caller: p, communityId, request: body }));
  }
}
