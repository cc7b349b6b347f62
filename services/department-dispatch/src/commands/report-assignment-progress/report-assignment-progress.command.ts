import type { Principal } from '@gongzhi/identity';
import type { ReportAssignmentProgressRequest } from './report-assignment-progress.request';

/** A note (and photos) on the work in hand. */
export class ReportAssignmentProgress {
  readonly type = 'ReportAssignmentProgress';
  constructor(
    readonly data: {
      readonly assignmentId: string;
      readonly principal: Principal;
      readonly request: ReportAssignmentProgressRequest;
    },
  ) {}
}
