import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ProposeTopic } from './propose-topic.command';
import { proposeTopicRequest, type ProposeTopicRequest } from './propose-topic.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class ProposeTopicHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow({ role: 'resident', scope: 'community' })
  @ApiOperation({ summary: 'Propose a topic (民事民提), optionally anonymous in public' })
  propose(@CurrentPrincipal() p: Principal, @ZodBody(proposeTopicRequest) body: ProposeTopicRequest): Promise<{ topicId: string }> {
    return this.commands.execute(new ProposeTopic({ caller: p, request: body }));
  }
}
