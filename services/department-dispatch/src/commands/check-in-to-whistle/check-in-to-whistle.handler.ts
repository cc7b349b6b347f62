import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { actorScopeOf, WhistleCommands } from '../../application/whistle-commands';
import { whistleView, type PresentedWhistle } from '../../queries/work/whistle.view';
import { CheckInToWhistle } from './check-in-to-whistle.command';

/** Staff check in for their own department, the one their account names: never for another. */
@CommandHandler(CheckInToWhistle)
export class CheckInToWhistleHandler implements ICommandHandler<CheckInToWhistle, PresentedWhistle> {
  constructor(private readonly whistles: WhistleCommands) {}

  async execute({ data: { whistleId, principal, madeAt } }: CheckInToWhistle): Promise<PresentedWhistle> {
    // The route admits department staff with a department scope only, so the account names one.
    const departmentId = principal.scope.departmentId as string;
    const metadata = commandMetadataFor(principal, this.whistles.now());
    const result = await this.whistles.execute(
      whistleId,
      { type: 'CheckIn', data: { departmentId, ...(madeAt ? { madeAt: new Date(madeAt).toISOString() } : {}) } },
      metadata,
      actorScopeOf(principal),
    );
    return whistleView(result.state);
  }
}
