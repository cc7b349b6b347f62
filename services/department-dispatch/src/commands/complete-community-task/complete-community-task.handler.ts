import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { CommunityTaskCommands } from '../../application/community-task-commands';
import { CompleteCommunityTask } from './complete-community-task.command';

/** Only an officer of the task's own community reports it done; the decider judges that against the stream. */
@CommandHandler(CompleteCommunityTask)
export class CompleteCommunityTaskHandler implements ICommandHandler<CompleteCommunityTask, { taskId: string; status: 'Done' }> {
  constructor(private readonly tasks: CommunityTaskCommands) {}

  async execute({ data: { taskId, principal, request } }: CompleteCommunityTask): Promise<{ taskId: string; status: 'Done' }> {
    await this.tasks.execute(
      taskId,
      { type: 'CompleteCommunityTask', data: { note: request.note } },
      commandMetadataFor(principal, this.tasks.now()),
      { actorCommunityId: principal.roles.includes('community_officer') ? principal.scope.communityId : undefined },
    );
    return { taskId, status: 'Done' };
  }
}
