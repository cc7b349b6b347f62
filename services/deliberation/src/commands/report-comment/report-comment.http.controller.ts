import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ReportComment } from './report-comment.command';
import { reportCommentRequest, type ReportCommentRequest } from './report-comment.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class ReportCommentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('comments/:commentId/reports')
  @Allow('resident')
  @ApiOperation({ summary: 'Report a comment (spam, offensive, off-topic); 3 reports hide it pending review' })
  report(
    @Param('commentId') commentId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(reportCommentRequest) body: ReportCommentRequest,
  ): Promise<{ commentId: string }> {
    return this.commands.execute(new ReportComment({ commentId, caller: p, request: body }));
  }
}
