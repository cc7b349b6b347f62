import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { AssistedReceipt } from '../../assisted/assisted-consent';
import { ASSISTANTS } from '../../http/presented-consent';
import { RecordAssistedComment } from './record-assisted-comment.command';
import { recordAssistedCommentRequest, type RecordAssistedCommentRequest } from './record-assisted-comment.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class RecordAssistedCommentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('topics/:topicId/assisted-comments')
  @Allow(...ASSISTANTS)
  @ApiOperation({ summary: "Record a resident's opinion on a topic for them, with their consent" })
  assistedComment(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(recordAssistedCommentRequest) body: RecordAssistedCommentRequest,
  ): Promise<AssistedReceipt> {
    return this.commands.execute(
      new RecordAssistedComment({ topicId, residentId: body.residentId, text: body.text, consent: body.consent, assistant: p }),
    );
  }
}
