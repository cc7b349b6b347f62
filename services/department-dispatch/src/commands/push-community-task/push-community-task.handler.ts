import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { assertInScope, cityTree, commandMetadataFor } from '@gongzhi/identity';
import { CommunityTaskCommands } from '../../application/community-task-commands';
import { PushCommunityTask } from './push-community-task.command';

export interface PushedCommunityTask {
  readonly taskId: string;
  readonly communityId: string;
  readonly dueAt: string;
}

/** Staff push in their own department's name, to a community the city's tree knows; its street comes from the tree. */
@CommandHandler(PushCommunityTask)
export class PushCommunityTaskHandler implements ICommandHandler<PushCommunityTask, PushedCommunityTask> {
  constructor(private readonly tasks: CommunityTaskCommands) {}

  async execute({ data: { departmentId, principal, request } }: PushCommunityTask): Promise<PushedCommunityTask> {
    assertInScope(principal, 'department', departmentId);
    const { streetId } = cityTree().placeOfCommunity(request.communityId);
    if (!streetId) {
      throw new DomainError('COMMUNITY_TASK.UNKNOWN_COMMUNITY', `${request.communityId} is not a community of the city`, {
        field: 'communityId',
      });
    }
    // Kept in UTC like every instant of the platform, whatever offset the form sent.
    const dueAt = new Date(request.dueAt).toISOString();
    const now = this.tasks.now();
    const taskId = uuidv7(now.getTime());
    await this.tasks.execute(
      taskId,
      {
        type: 'PushCommunityTask',
        data: { taskId, communityId: request.communityId, streetId, sourceDepartmentId: departmentId, title: request.title, dueAt },
      },
      commandMetadataFor(principal, now),
      { actorDepartmentId: principal.scope.departmentId },
    );
    return { taskId, communityId: request.communityId, dueAt };
  }
}
