import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { assertInScope, commandMetadataFor, hasRole } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { resourceDecider, resourceStreamId, type ResourceState } from '../../domain/resource/resource.decider';
import { ListResource } from './list-resource.command';

/**
 * In the lister's own community unless they name another of theirs. Who offers it: an officer may name the company or
 * institution (the community by default); a resident always offers themselves. The decider holds who may list what.
 */
@CommandHandler(ListResource)
export class ListResourceHandler implements ICommandHandler<ListResource, ResourceState> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async execute({ data: { principal, resource } }: ListResource): Promise<ResourceState> {
    const communityId = resource.communityId ?? principal.scope.communityId!;
    assertInScope(principal, 'community', communityId);
    const officer = hasRole(principal, 'community_officer');
    const now = this.infrastructure.clock.now();
    const resourceId = uuidv7(now.getTime());
    const result = await handleCommand(
      this.infrastructure.eventStore,
      resourceDecider,
      resourceStreamId(resourceId),
      {
        type: 'ListResource',
        data: {
          resourceId,
          communityId,
          kind: resource.kind,
          title: resource.title,
          description: resource.description,
          category: resource.category,
          tags: resource.tags,
          offeredByKind: officer ? (resource.offeredByKind ?? 'community') : 'resident',
          offeredByName:
            (officer ? resource.offeredByName : undefined) ??
            resource.offeredByName ??
            principal.displayName ??
            (officer ? communityId : 'resident'),
          opensAt: resource.opensAt,
          closesAt: resource.closesAt,
          openTo: resource.openTo,
        },
      },
      commandMetadataFor(principal, now),
      { listerIsOfficer: officer },
    );
    return result.state;
  }
}
