import type { Principal } from '@gongzhi/identity';
import type { PublishEvaluationReportRequest } from './publish-evaluation-report.request';

/** A granted evaluator publishes the evaluation report of a community for a period (评估报告), or corrects it. */
export class PublishEvaluationReport {
  readonly type = 'PublishEvaluationReport';
  constructor(
    readonly data: { readonly communityId: string; readonly principal: Principal; readonly request: PublishEvaluationReportRequest },
  ) {}
}
