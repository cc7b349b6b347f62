import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { ProjectView } from '../../application/project-commands';
import { ApproveResourceRequest, DeclineResourceRequest } from './decide-resource-request.command';
import { approveRequest, declineRequest, type ApproveRequest, type DeclineRequest } from './decide-resource-request.request';

@ApiTags('co-building: projects')
@ApiBearerAuth()
@Controller('api/co-building/projects')
export class DecideResourceRequestHttpController {
  constructor(private readonly commands: CommandBus) {}

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
    return this.commands.execute<ApproveResourceRequest, ProjectView>(
      new ApproveResourceRequest({ principal, projectId, requestId, note: body.note }),
    );
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
    return this.commands.execute<DeclineResourceRequest, ProjectView>(
      new DeclineResourceRequest({ principal, projectId, requestId, reason: body.reason }),
    );
  }
}
