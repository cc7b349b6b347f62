import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor, hasRole } from '@gongzhi/identity';
import { actorScopeOf, WhistleCommands } from '../../application/whistle-commands';
import type { EvaluateDepartment as EvaluateDepartmentCommand } from '../../domain/whistle/whistle.commands';
import { whistleView, type PresentedWhistle } from '../../queries/work/whistle.view';
import { EvaluateDepartment } from './evaluate-department.command';

/** The street evaluates each department once (any of its officers), each verified resident of the street once. */
@CommandHandler(EvaluateDepartment)
export class EvaluateDepartmentHandler implements ICommandHandler<EvaluateDepartment, PresentedWhistle> {
  constructor(private readonly whistles: WhistleCommands) {}

  async execute({ data: { whistleId, principal, request } }: EvaluateDepartment): Promise<PresentedWhistle> {
    const by = hasRole(principal, 'street_officer') ? 'street' : 'resident';
    const metadata = commandMetadataFor(principal, this.whistles.now());
    const command: EvaluateDepartmentCommand = {
      type: 'EvaluateDepartment',
      data: { departmentId: request.departmentId, score: request.score, comment: request.comment, by },
    };
    const result = await this.whistles.execute(whistleId, command, metadata, actorScopeOf(principal));
    return whistleView(result.state);
  }
}
