import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import type { ProjectView } from '../../application/project-commands';
import { JoinTeam } from './join-team.command';

@ApiTags('co-building: projects')
@ApiBearerAuth()
@Controller('api/co-building/projects')
export class JoinTeamHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':projectId/team')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({ summary: "Join the project's team" })
  join(@Param('projectId') projectId: string, @CurrentPrincipal() principal: Principal) {
    return this.commands.execute<JoinTeam, ProjectView>(new JoinTeam({ principal, projectId }));
  }
}
