import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { CoSignTopic } from './co-sign-topic.command';
import type { CoSignedTopic } from './co-sign-topic.handler';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class CoSignTopicHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/co-signatures')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({ summary: 'Co-sign a proposed topic (联署): verified residents of its community, not the proposer, each once' })
  coSign(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal): Promise<CoSignedTopic> {
    return this.commands.execute(new CoSignTopic({ topicId, caller: p }));
  }
}
