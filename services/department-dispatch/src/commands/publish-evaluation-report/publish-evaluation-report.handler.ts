import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { cityTree, commandMetadataFor } from '@gongzhi/identity';
import { EvaluationCommands } from '../../application/evaluation-commands';
import { evaluationReportId } from '../../domain/evaluation/evaluation-report.decider';
import { PublishEvaluationReport } from './publish-evaluation-report.command';

export interface PublishedEvaluationReport {
  readonly reportId: string;
  readonly communityId: string;
  readonly period: string;
  readonly version: number;
}

/** The evaluator role is the route's; whether a grant covers the community now, the decider judges from the grants. */
@CommandHandler(PublishEvaluationReport)
export class PublishEvaluationReportHandler implements ICommandHandler<PublishEvaluationReport, PublishedEvaluationReport> {
  constructor(private readonly evaluation: EvaluationCommands) {}

  async execute({ data: { communityId, principal, request } }: PublishEvaluationReport): Promise<PublishedEvaluationReport> {
    const { streetId } = cityTree().placeOfCommunity(communityId);
    if (!streetId) throw new DomainError('EVALUATION_REPORT.NOT_FOUND', `${communityId} is not a community of the city`);
    const result = await this.evaluation.publish(
      {
        type: 'PublishEvaluationReport',
        data: {
          communityId,
          streetId,
          period: request.period,
          scores: request.scores,
          summary: request.summary,
          correctionReason: request.correctionReason,
        },
      },
      commandMetadataFor(principal, this.evaluation.now()),
    );
    const version = result.state.status === 'Published' ? result.state.latestVersion : 0;
    return { reportId: evaluationReportId(communityId, request.period), communityId, period: request.period, version };
  }
}
