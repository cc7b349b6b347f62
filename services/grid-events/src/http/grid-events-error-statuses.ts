import { errorStatusRules, type ErrorStatusRules } from '@gongzhi/platform';

/**
 * The statuses of grid-events' codes beyond the platform's (`*.NOT_FOUND` 404, `*.FORBIDDEN` 403,
 * `COMMAND.CONCURRENCY_CONFLICT` 409, `VALIDATION.FAILED` 400, any other refusal 422). Exact codes
 * only: in the all-in-one host every service shares the table, so a pattern would reach theirs.
 */
export const GRID_EVENTS_ERROR_STATUSES: ErrorStatusRules = {
  // The photo itself is wrong.
  'PHOTO.TOO_LARGE': 413,
  'PHOTO.UNSUPPORTED_TYPE': 415,
  'PHOTO.MISSING': 400,
  // A report or resolution names a photo id that was never uploaded: the request is at fault, not a missing resource.
  'PHOTO.NOT_FOUND': 400,
  // The request names reference data the city does not have.
  'CATEGORY.UNKNOWN': 400,
  'DEPARTMENT.UNKNOWN': 400,
  'GRID.UNKNOWN': 400,
  'GRID_WORKER.UNKNOWN': 400,
  'LOCATION.OUTSIDE_CITY': 400,
  'LOCATION.UNRESOLVED': 400,
  // Repeats and races.
  'CASE.ALREADY_REPORTED': 409,
  'CASE.ALREADY_CLOSED': 409,
  'CASE.ALREADY_EVALUATED': 409,
  'CASE.ALREADY_VOIDED': 409,
  'CASE.ALREADY_OVERDUE': 409,
  'BASE_RECORD.ALREADY_REGISTERED': 409,
};

export const gridEventsErrorStatuses = errorStatusRules('grid-events', GRID_EVENTS_ERROR_STATUSES);
