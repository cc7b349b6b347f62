import { errorStatusRules, type ErrorStatusRules } from '@gongzhi/platform';

/**
 * The statuses of department-dispatch's codes beyond the platform's (`*.NOT_FOUND` 404,
 * `*.FORBIDDEN` 403, `COMMAND.CONCURRENCY_CONFLICT` 409, any other refusal 422): repeats and
 * races are 409. Exact codes only: in the all-in-one host every service shares the table.
 */
export const DEPARTMENT_DISPATCH_ERROR_STATUSES: ErrorStatusRules = {
  'ASSIGNMENT.ALREADY_CREATED': 409,
  'ASSIGNMENT.ALREADY_ACKNOWLEDGED': 409,
  // `ASSIGNMENT.ALREADY_<status>` of an assignment that has moved on (assignment.decider notOpen).
  'ASSIGNMENT.ALREADY_COMPLETED': 409,
  'ASSIGNMENT.ALREADY_DECLINED': 409,
  'ASSIGNMENT.ALREADY_WITHDRAWN': 409,
  'ASSIGNMENT.CLOSED': 409,
  'WHISTLE.ALREADY_BLOWN': 409,
  'WHISTLE.ALREADY_CHECKED_IN': 409,
  'WHISTLE.ALREADY_EVALUATED': 409,
  'COMMUNITY_TASK.ALREADY_PUSHED': 409,
  'COMMUNITY_TASK.ALREADY_DONE': 409,
  'EVALUATOR_GRANT.ALREADY_GRANTED': 409,
  'EVALUATION_REPORT.ALREADY_PUBLISHED': 409,
  // A grant or report whose own fields contradict themselves: bad input.
  'EVALUATOR_GRANT.UNKNOWN_COMMUNITY': 400,
  'EVALUATOR_GRANT.EMPTY_PERIOD': 400,
  'EVALUATOR_GRANT.ALREADY_OVER': 400,
  'EVALUATION_REPORT.DUPLICATE_HEADING': 400,
  'EVALUATION_REPORT.NOTHING_TO_CORRECT': 400,
  // A form naming a community the city does not have, or a deadline already (nearly) past: bad input.
  'COMMUNITY_TASK.UNKNOWN_COMMUNITY': 400,
  'COMMUNITY_TASK.TOO_SOON': 400,
  // A check-in's madeAt the server cannot believe: bad input, not a rule of the whistle.
  'WHISTLE.CHECK_IN_MADE_IN_FUTURE': 400,
  'WHISTLE.CHECK_IN_MADE_BEFORE_WHISTLE': 400,
};

export const departmentDispatchErrorStatuses = errorStatusRules('department-dispatch', DEPARTMENT_DISPATCH_ERROR_STATUSES);
