import type { Principal } from '@gongzhi/identity';
import type { CompleteAssignmentRequest } from './complete-assignment.request';

/** The work is done: notes and after-photos, from which grid-events resolves the case. */
export class CompleteAssignment {
  readonly type = 'CompleteAssignment';
  constructor(
    readonly data: {
      readonly assignmentId: string;
      readonly principal: Principal;
      readonly request: CompleteAssignmentRequest;
    },
  ) {}
}
