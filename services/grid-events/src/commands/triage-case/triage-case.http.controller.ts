import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { AcceptCase, MergeCase, RejectCase } from './triage-case.command';
import { acceptCaseRequest, mergeCaseRequest, rejectCaseRequest } from './triage-case.request';

const STAFF = [
  { role: 'grid_worker', scope: 'grid' },
  { role: 'community_officer', scope: 'community' },
  { role: 'street_officer', scope: 'street' },
] as const;

@ApiTags('cases')
@ApiBearerAuth()
@Allow(...STAFF)
@Controller('api/cases/:caseId')
export class TriageCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('accept')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: '受理: accept a reported case, optionally in another category' })
  async accept(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(acceptCaseRequest) body: { categoryCode?: string },
  ) {
    await this.commands.execute(new AcceptCase({ caseId, principal, categoryCode: body.categoryCode }));
    return { caseId, status: 'Accepted' };
  }

  @Post('reject')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: '不予受理: reject a reported case with a reason told to the reporter' })
  async reject(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(rejectCaseRequest) body: { reason: string },
  ) {
    await this.commands.execute(new RejectCase({ caseId, principal, reason: body.reason }));
    return { caseId, status: 'Rejected' };
  }

  @Post('merge')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'Merge a reported case into an open one it duplicates' })
  async merge(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(mergeCaseRequest) body: { intoCaseId: string },
  ) {
    await this.commands.execute(new MergeCase({ caseId, principal, intoCaseId: body.intoCaseId }));
    return { caseId, status: 'Merged', intoCaseId: body.intoCaseId };
  }
}
