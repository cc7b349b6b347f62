import type { Principal } from '@gongzhi/identity';
import type { ReportActivityRequest } from './report-activity.request';

/** A team member reports an activity the project held. */
export class ReportActivity {
  readonly type = 'ReportActivity';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly projectId: string;
      readonly activity: ReportActivityRequest;
    },
  ) {}
}
