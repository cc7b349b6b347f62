import { deciderSpec } from '@gongzhi/testing';
import { evaluationReportDecider } from './evaluation-report.decider';
import type { PublishEvaluationReport } from './evaluation.commands';
import type { EvaluationReportEvent } from './evaluation.events';

const publish: PublishEvaluationReport = {
  type: 'PublishEvaluationReport',
  data: {
    communityId: 'community-hexie',
    streetId: 'street-nanjingdong',
    period: '2026-Q4',
    scores: [
      { heading: '事件处置', score: 82 },
      { heading: '居民参与', score: 75 },
      { heading: '信息公开', score: 90 },
    ],
    summary: '处置及时，参与面仍需扩大。',
    correctionReason: null,
  },
};
const first: EvaluationReportEvent = {
  type: 'EvaluationReportPublished',
  data: {
    reportId: 'community-hexie/2026-Q4',
    communityId: 'community-hexie',
    streetId: 'street-nanjingdong',
    period: '2026-Q4',
    version: 1,
    evaluatorId: 'evaluator-1',
    scores: publish.data.scores.map((s) => ({ ...s })),
    overallScore: 82.3,
    summary: '处置及时，参与面仍需扩大。',
    correction: null,
  },
};
const evaluator = { actor: { id: 'evaluator-1', kind: 'user' as const } };
const spec = deciderSpec(evaluationReportDecider, { evaluatorGranted: true });

describe('evaluation report decider (评估报告)', () => {
  describe('when nothing is published for the community and period', () => {
    it('publishes version 1 with a score per heading and their mean', () => {
      spec.given([]).when(publish, evaluator).then([first]);
    });

    it('refuses an evaluator whose grant does not cover the community now', () => {
      spec
        .given([])
        .when(publish, { ...evaluator, evaluatorGranted: false })
        .thenThrows('EVALUATION_REPORT.FORBIDDEN');
    });

    it('refuses a heading scored twice', () => {
      const twice = {
        ...publish,
        data: {
          ...publish.data,
          scores: [
            { heading: '居民参与', score: 70 },
            { heading: '居民参与', score: 80 },
          ],
        },
      };
      spec.given([]).when(twice, evaluator).thenThrows('EVALUATION_REPORT.DUPLICATE_HEADING', { field: 'scores' });
    });

    it('refuses a correction of a report that does not exist', () => {
      spec
        .given([])
        .when({ ...publish, data: { ...publish.data, correctionReason: '笔误' } }, evaluator)
        .thenThrows('EVALUATION_REPORT.NOTHING_TO_CORRECT', { field: 'correctionReason' });
    });
  });

  describe('when version 1 is published', () => {
    it('never overwrites it: publishing again without a reason is refused', () => {
      spec.given([first]).when(publish, evaluator).thenThrows('EVALUATION_REPORT.ALREADY_PUBLISHED', { field: 'correctionReason' });
    });

    it('publishes a correction as version 2, naming the version it corrects and why', () => {
      const corrected = {
        ...publish,
        data: { ...publish.data, scores: [{ heading: '事件处置', score: 78 }], correctionReason: '事件处置得分按复核数据更正' },
      };
      spec
        .given([first])
        .when(corrected, { actor: { id: 'evaluator-2', kind: 'user' } })
        .then([
          {
            type: 'EvaluationReportPublished',
            data: {
              ...first.data,
              version: 2,
              evaluatorId: 'evaluator-2',
              scores: [{ heading: '事件处置', score: 78 }],
              overallScore: 78,
              correction: { ofVersion: 1, reason: '事件处置得分按复核数据更正' },
            },
          },
        ]);
    });
  });
});
