import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, assertInScope, commandMetadataFor, CurrentPrincipal, hasRole, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { ProjectCommand } from '../../domain/project/project.commands';
import type { ProjectState } from '../../domain/project/project.decider';
import { ExecuteProjectCommand } from '../execute-commands';
import {
  approveRequest,
  declineRequest,
  recordIncomeRequest,
  reportActivityRequest,
  requestResourceRequest,
  startProjectRequest,
  type ApproveRequest,
  type DeclineRequest,
  type RecordIncomeRequest,
  type ReportActivityRequest,
  type RequestResourceRequest,
  type StartProjectRequest,
} from '../requests';

/** Community partners (社区合伙人): residents' projects, their teams, resource requests, activities and income. */
@ApiTags('co-building: projects')
@ApiBearerAuth()
@Controller('api/co-building/projects')
export class ProjectsHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post()
  @Allow({ role: 'resident', scope: 'community' })
  @ApiOperation({ summary: 'Start a community project: a title, one line and (by default your own) community are enough' })
  async start(@CurrentPrincipal() principal: Principal, @ZodBody(startProjectRequest) body: StartProjectRequest) {
    const communityId = body.communityId ?? principal.scope.communityId!;
    assertInScope(principal, 'community', communityId);
    const projectId = uuidv7(this.infrastructure.clock.now().getTime());
    return this.run(projectId, principal, { type: 'StartProject', projectId, communityId, title: body.title, summary: body.summary, category: body.category, openTo: body.openTo });
  }

  @Post(':projectId/team')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({ summary: "Join the project's team" })
  join(@Param('projectId') projectId: string, @CurrentPrincipal() principal: Principal) {
    return this.run(projectId, principal, { type: 'JoinTeam' });
  }

  @Post(':projectId/resource-requests')
  @Allow('resident')
  @ApiOperation({ summary: "Apply for a resource of the community's pool (team members only)" })
  request(@Param('projectId') projectId: string, @CurrentPrincipal() principal: Principal, @ZodBody(requestResourceRequest) body: RequestResourceRequest) {
    const requestId = uuidv7(this.infrastructure.clock.now().getTime());
    return this.run(projectId, principal, { type: 'RequestResource', requestId, ...body }, { requestId });
  }

  @Post(':projectId/resource-requests/:requestId/approve')
  @HttpCode(200)
  @Allow({ role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Approve a resource request (an officer of the project’s community)' })
  approve(
    @Param('projectId') projectId: string,
    @Param('requestId') requestId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(approveRequest) body: ApproveRequest,
  ) {
    return this.run(projectId, principal, { type: 'ApproveResourceRequest', requestId, note: body.note });
  }

  @Post(':projectId/resource-requests/:requestId/decline')
  @HttpCode(200)
  @Allow({ role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Decline a resource request with a reason' })
  decline(
    @Param('projectId') projectId: string,
    @Param('requestId') requestId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(declineRequest) body: DeclineRequest,
  ) {
    return this.run(projectId, principal, { type: 'DeclineResourceRequest', requestId, reason: body.reason });
  }

  @Post(':projectId/activities')
  @Allow('resident')
  @ApiOperation({ summary: 'Report an activity of the project (team members)' })
  report(@Param('projectId') projectId: string, @CurrentPrincipal() principal: Principal, @ZodBody(reportActivityRequest) body: ReportActivityRequest) {
    const activityId = uuidv7(this.infrastructure.clock.now().getTime());
    return this.run(projectId, principal, { type: 'ReportActivity', activityId, ...body }, { activityId });
  }

  @Post(':projectId/income')
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Record income (space rent, service fees): split between the team and the community fund by the configured ratio' })
  income(@Param('projectId') projectId: string, @CurrentPrincipal() principal: Principal, @ZodBody(recordIncomeRequest) body: RecordIncomeRequest) {
    const incomeId = uuidv7(this.infrastructure.clock.now().getTime());
    return this.run(projectId, principal, { type: 'RecordIncome', incomeId, ...body }, { incomeId });
  }

  private async run(projectId: string, principal: Principal, command: ProjectCommand, ids: Record<string, string> = {}) {
    const metadata = commandMetadataFor(principal, this.infrastructure.clock.now());
    const officerOf = hasRole(principal, 'community_officer') ? principal.scope.communityId : undefined;
    const result = await this.commands.execute(new ExecuteProjectCommand(projectId, command, metadata, officerOf, principal));
    return { ...publicState(result.state), ...ids, events: result.events.map((e) => e.type) };
  }
}

/** The project as its caller may see it: members are ids of residents, so only the team's size. */
function publicState(state: ProjectState) {
  if (state.status === 'None') return { status: state.status };
  const { members, incomeIds: _incomeIds, ...rest } = state;
  return { ...rest, teamSize: members.length };
}
