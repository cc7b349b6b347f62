import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { NeedState } from '../../domain/need/need.decider';
import { PostNeed } from './post-need.command';
import { postNeedRequest, type PostNeedRequest } from './post-need.request';

@ApiTags('co-building: resources and needs')
@ApiBearerAuth()
@Controller('api/co-building')
export class PostNeedHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('needs')
  @Allow({ role: 'resident', scope: 'community' }, { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Post a need of the community (需求清单)' })
  postNeed(@CurrentPrincipal() principal: Principal, @ZodBody(postNeedRequest) body: PostNeedRequest) {
    return this.commands.execute<PostNeed, NeedState>(new PostNeed({ principal, need: body }));
  }
}
