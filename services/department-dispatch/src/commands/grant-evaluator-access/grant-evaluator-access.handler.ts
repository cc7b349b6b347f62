import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { EvaluationCommands } from '../../application/evaluation-commands';
import { GrantEvaluatorAccess } from './grant-evaluator-access.command';

export interface GrantedEvaluatorAccess {
  readonly grantId: string;
  readonly evaluatorId: string;
  readonly communityIds: readonly string[];
  readonly validFrom: string;
  readonly validUntil: string;
}

/** The admin role is the route's; the decider judges the communities and the period. */
@CommandHandler(GrantEvaluatorAccess)
export class GrantEvaluatorAccessHandler implements ICommandHandler<GrantEvaluatorAccess, GrantedEvaluatorAccess> {
  constructor(private readonly evaluation: EvaluationCommands) {}

  async execute({ data: { principal, request } }: GrantEvaluatorAccess): Promise<GrantedEvaluatorAccess> {
    const now = this.evaluation.now();
    const grant = {
      grantId: uuidv7(now.getTime()),
      evaluatorId: request.evaluatorId,
      communityIds: [...new Set(request.communityIds)],
      // Kept in UTC like every instant of the platform, whatever offset the form sent.
      validFrom: new Date(request.validFrom).toISOString(),
      validUntil: new Date(request.validUntil).toISOString(),
    };
    await this.evaluation.grant({ type: 'GrantEvaluatorAccess', data: grant }, commandMetadataFor(principal, now));
    return grant;
  }
}
