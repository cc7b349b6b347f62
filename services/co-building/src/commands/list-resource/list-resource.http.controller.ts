import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { ResourceState } from '../../domain/resource/resource.decider';
import { ListResource } from './list-resource.command';
import { listResourceRequest, type ListResourceRequest } from './list-resource.request';

/** The resource pool (资源清单) and its bookable spaces, and residents' needs (需求清单). */
@ApiTags('co-building: resources and needs')
@ApiBearerAuth()
@Controller('api/co-building')
export class ListResourceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('resources')
  @Allow({ role: 'resident', scope: 'community' }, { role: 'community_officer', scope: 'community' })
  @ApiOperation({
    summary:
      'List a resource in the pool: officers list spaces and the offers of companies and institutions; a resident lists a skill of their own',
  })
  list(@CurrentPrincipal() principal: Principal, @ZodBody(listResourceRequest) body: ListResourceRequest) {
    return this.commands.execute<ListResource, ResourceState>(new ListResource({ principal, resource: body }));
  }
}
