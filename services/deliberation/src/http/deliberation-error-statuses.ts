import { errorStatusRules, type ErrorStatusRules } from '@gongzhi/platform';

/**
 * The statuses of deliberation's codes beyond the platform's (`*.NOT_FOUND` 404, `*.FORBIDDEN` 403,
 * `COMMAND.CONCURRENCY_CONFLICT` 409, `EVENTSTORE.INVALID_EVENT` 400, any other refusal 422).
 */
export const DELIBERATION_ERROR_STATUSES: ErrorStatusRules = {
  // The caller may not vote on this topic: a matter of who they are, not of the request.
  'BALLOT.NOT_ELIGIBLE': 403,
  'TOPIC.ALREADY_EXISTS': 409,
  'BUDGET.ALREADY_EXISTS': 409,
  // A malformed path or query value: the request itself is wrong.
  'BUDGET.YEAR_INVALID': 400,
  'BUDGET.BASE_AMOUNT_REQUIRED': 400,
};

export const deliberationErrorStatuses = errorStatusRules('deliberation', DELIBERATION_ERROR_STATUSES);
