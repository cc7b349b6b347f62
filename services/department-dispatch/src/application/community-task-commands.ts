import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, type CommandMetadata, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { CommunityTaskCommand } from '../domain/community-task/community-task.commands';
import { communityTaskDecider, communityTaskStreamId, type CommunityTaskState } from '../domain/community-task/community-task.decider';
import { DepartmentRegistry } from '../registry/department-registry';

/** Who acts on a community task, as the decider judges it. */
export interface CommunityTaskActorScope {
  readonly actorDepartmentId?: string;
  readonly actorCommunityId?: string;
}

/** Load, decide, append for tasks pushed down to communities. */
@Injectable()
export class CommunityTaskCommands {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly registry: DepartmentRegistry,
  ) {}

  execute(
    taskId: string,
    command: CommunityTaskCommand,
    metadata: CommandMetadata,
    scope: CommunityTaskActorScope,
  ): Promise<CommandResult<CommunityTaskState>> {
    return handleCommand(this.infrastructure.eventStore, communityTaskDecider, communityTaskStreamId(taskId), command, metadata, {
      ...scope,
      isDepartment: (id: string) => this.registry.has(id),
    });
  }

  now(): Date {
    return this.infrastructure.clock.now();
  }
}
