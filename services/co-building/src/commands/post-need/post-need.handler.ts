import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { assertInScope, commandMetadataFor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { needDecider, needStreamId, type NeedState } from '../../domain/need/need.decider';
import { PostNeed } from './post-need.command';

/** In the poster's own community unless they name another of theirs. */
@CommandHandler(PostNeed)
export class PostNeedHandler implements ICommandHandler<PostNeed, NeedState> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async execute({ data: { principal, need } }: PostNeed): Promise<NeedState> {
    const communityId = need.communityId ?? principal.scope.communityId!;
    assertInScope(principal, 'community', communityId);
    const now = this.infrastructure.clock.now();
    const needId = uuidv7(now.getTime());
    const result = await handleCommand(
      this.infrastructure.eventStore,
      needDecider,
      needStreamId(needId),
      {
        type: 'PostNeed',
        data: { needId, communityId, title: need.title, description: need.description, category: need.category, tags: need.tags },
      },
      commandMetadataFor(principal, now),
    );
    return result.state;
  }
}
