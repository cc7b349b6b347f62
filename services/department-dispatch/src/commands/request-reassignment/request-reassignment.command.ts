import type { Principal } from '@gongzhi/identity';
import type { RequestReassignmentRequest } from './request-reassignment.request';

/** After 签收: the street is asked to reassign the case to the department named, with a reason. */
export class RequestReassignment {
  readonly type = 'RequestReassignment';
  constructor(
    readonly data: {
      readonly assignmentId: string;
      readonly principal: Principal;
      readonly request: RequestReassignmentRequest;
    },
  ) {}
}
