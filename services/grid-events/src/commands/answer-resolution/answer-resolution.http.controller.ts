import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ConfirmResolution, EvaluateCase, FollowCase, ReopenCase } from './answer-resolution.command';
import { evaluateCaseRequest, reopenCaseRequest, type EvaluateCaseRequest } from './answer-resolution.request';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('resident', 'grid_worker')
@Controller('api/cases/:caseId')
export class AnswerResolutionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'The reporter confirms the fix' })
  async confirm(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    await this.commands.execute(new ConfirmResolution({ caseId, principal }));
    return { caseId, confirmed: true };
  }

  @Post('reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'The reporter says the problem is not fixed, with a reason' })
  async reopen(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(reopenCaseRequest) body: { reason: string },
  ) {
    await this.commands.execute(new ReopenCase({ caseId, principal, reason: body.reason }));
    return { caseId, status: 'Acknowledged' };
  }

  @Post('evaluate')
  @HttpCode(200)
  @ApiOperation({ summary: '评价: the reporter rates the handling 1–5 with a comment; the case closes' })
  async evaluate(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(evaluateCaseRequest) body: EvaluateCaseRequest,
  ) {
    await this.commands.execute(new EvaluateCase({ caseId, principal, request: body }));
    return { caseId, status: 'Closed' };
  }

  @Post('follow')
  @HttpCode(200)
  @ApiOperation({ summary: 'Follow an existing case instead of reporting a duplicate' })
  async follow(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    await this.commands.execute(new FollowCase({ caseId, principal }));
    return { caseId, following: true };
  }
}
