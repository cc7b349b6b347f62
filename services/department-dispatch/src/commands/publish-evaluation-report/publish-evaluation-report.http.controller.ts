import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { PublishEvaluationReport } from './publish-evaluation-report.command';
import type { PublishedEvaluationReport } from './publish-evaluation-report.handler';
import { publishEvaluationReportRequest, type PublishEvaluationReportRequest } from './publish-evaluation-report.request';

@ApiTags('department-dispatch: third-party evaluation')
@ApiBearerAuth()
@Controller('api/department-dispatch/communities/:communityId/evaluation-reports')
export class PublishEvaluationReportHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @Allow('evaluator')
  @ApiOperation({
    summary:
      'Publish the evaluation report of a community for a period (评估报告); published versions never change, a correction is a new one',
  })
  publish(
    @Param('communityId') communityId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(publishEvaluationReportRequest) request: PublishEvaluationReportRequest,
  ) {
    return this.commands.execute<PublishEvaluationReport, PublishedEvaluationReport>(
      new PublishEvaluationReport({ communityId, principal, request }),
    );
  }
}
