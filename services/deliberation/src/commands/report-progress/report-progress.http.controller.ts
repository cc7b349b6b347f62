import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ReportProgress } from './report-progress.command';
import { reportProgressRequest, type ReportProgressRequest } from './report-progress.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class ReportProgressHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/progress')
  @Allow('supervisor', 'admin')
  @ApiOperation({ summary: 'Post implementation progress with photos and a percentage' })
  progress(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(reportProgressRequest) body: ReportProgressRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new ReportProgress({ topicId, caller: p, request: body }));
  }
}
