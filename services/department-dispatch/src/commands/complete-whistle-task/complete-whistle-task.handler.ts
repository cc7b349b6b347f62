import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { actorScopeOf, WhistleCommands } from '../../application/whistle-commands';
import { whistleView, type PresentedWhistle } from '../../queries/work/whistle.view';
import { CompleteWhistleTask } from './complete-whistle-task.command';

/** The task of the caller's own department; the last task done resolves the whistle (the decider decides). */
@CommandHandler(CompleteWhistleTask)
export class CompleteWhistleTaskHandler implements ICommandHandler<CompleteWhistleTask, PresentedWhistle> {
  constructor(private readonly whistles: WhistleCommands) {}

  async execute({ data: { whistleId, principal, request } }: CompleteWhistleTask): Promise<PresentedWhistle> {
    // The route admits department staff with a department scope only, so the account names one.
    const departmentId = principal.scope.departmentId as string;
    const metadata = commandMetadataFor(principal, this.whistles.now());
    const command = { type: 'CompleteTask' as const, data: { departmentId, notes: request.notes, photoIds: request.photoIds } };
    const result = await this.whistles.execute(whistleId, command, metadata, actorScopeOf(principal));
    return whistleView(result.state);
  }
}
