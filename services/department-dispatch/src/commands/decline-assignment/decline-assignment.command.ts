import type { Principal } from '@gongzhi/identity';
import type { DeclineAssignmentRequest } from './decline-assignment.request';

/** Not our responsibility: back to the street, with a reason and perhaps the department it belongs to. */
export class DeclineAssignment {
  readonly type = 'DeclineAssignment';
  constructor(
    readonly data: {
      readonly assignmentId: string;
      readonly principal: Principal;
      readonly request: DeclineAssignmentRequest;
    },
  ) {}
}
