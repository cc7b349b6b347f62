import type { EntityManager } from 'typeorm';
import { TOPICS, type PublicEvent } from '@gongzhi/contracts';
import { EvaluationReportRow, EvaluatorGrantRow } from '../read-models/evaluation.entities';
import { publicEventParser, type DashboardProjector } from './dashboard-projector';

/**
 * Third-party evaluation (第三方评估): the grants that let an evaluator read a community's figures here, and the
 * published evaluation reports. Both are only ever added to, keyed by what the event names, so a redelivery or a
 * replay writes the same rows.
 */
export function evaluationProjector(): DashboardProjector {
  return {
    name: 'dashboards-evaluation',
    topics: [TOPICS['department-dispatch']],
    parser: publicEventParser,
    entities: [EvaluatorGrantRow, EvaluationReportRow],
    figures: [],
    figuresOf: () => [],
    // Two event types of a busy topic: the rest need no inbox row.
    hasEffect: (event) => event.type === 'EvaluatorAccessGranted' || event.type === 'EvaluationReportPublished',
    async handle(event: PublicEvent, manager: EntityManager) {
      if (event.type === 'EvaluatorAccessGranted') {
        const { grantId, evaluatorId, communityIds, validFrom, validUntil } = event.data;
        await manager.save(EvaluatorGrantRow, { grantId, evaluatorId, communityIds, validFrom, validUntil });
      }
      if (event.type === 'EvaluationReportPublished') {
        const { data } = event;
        await manager.save(EvaluationReportRow, {
          communityId: data.communityId,
          period: data.period,
          version: data.version,
          streetId: data.streetId,
          evaluatorId: data.evaluatorId,
          scores: data.scores,
          overallScore: data.overallScore,
          summary: data.summary,
          correctsVersion: data.correction?.ofVersion ?? null,
          correctionReason: data.correction?.reason ?? null,
          publishedAt: event.occurredAt,
        });
      }
    },
  };
}
