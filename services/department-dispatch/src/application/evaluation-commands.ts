import { Inject, Injectable } from '@nestjs/common';
import { fold, handleCommand, toDomainEvent, type CommandMetadata, type CommandResult } from '@gongzhi/eventsourcing';
import { cityTree } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { GrantEvaluatorAccess, PublishEvaluationReport } from '../domain/evaluation/evaluation.commands';
import type { EvaluatorGrantEvent } from '../domain/evaluation/evaluation.events';
import {
  evaluationReportDecider,
  evaluationReportStreamId,
  type EvaluationReportState,
} from '../domain/evaluation/evaluation-report.decider';
import {
  evaluatorGrantDecider,
  evaluatorGrantsStreamId,
  grantCovers,
  type EvaluatorGrantsState,
} from '../domain/evaluation/evaluator-grant.decider';

/** Load, decide, append for third-party evaluation: an evaluator's grants and the reports per community and period. */
@Injectable()
export class EvaluationCommands {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  grant(command: GrantEvaluatorAccess, metadata: CommandMetadata): Promise<CommandResult<EvaluatorGrantsState>> {
    const known = new Set(cityTree().communityIds());
    return handleCommand(
      this.infrastructure.eventStore,
      evaluatorGrantDecider,
      evaluatorGrantsStreamId(command.data.evaluatorId),
      command,
      metadata,
      {
        isCommunity: (id: string) => known.has(id),
      },
    );
  }

  /**
   * The grant is read from the evaluator's own stream when the report is decided. A grant appended a moment later
   * cannot make this publication wrong: a grant never shrinks, it only ends by its date.
   */
  async publish(command: PublishEvaluationReport, metadata: CommandMetadata): Promise<CommandResult<EvaluationReportState>> {
    const grants = await this.grantsOf(metadata.actor.id);
    return handleCommand(
      this.infrastructure.eventStore,
      evaluationReportDecider,
      evaluationReportStreamId(command.data.communityId, command.data.period),
      command,
      metadata,
      { evaluatorGranted: grantCovers(grants, command.data.communityId, metadata.now) },
    );
  }

  private async grantsOf(evaluatorId: string): Promise<EvaluatorGrantsState> {
    const { events } = await this.infrastructure.eventStore.readStream(evaluatorGrantsStreamId(evaluatorId));
    return fold(
      evaluatorGrantDecider,
      events.map((e) => toDomainEvent<EvaluatorGrantEvent>(e)),
    );
  }

  now(): Date {
    return this.infrastructure.clock.now();
  }
}
