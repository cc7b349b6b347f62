import { errorStatusRules, type ErrorStatusRules } from '@gongzhi/platform';

/**
 * The statuses of co-building's codes beyond the platform's (`*.NOT_FOUND` 404, `*.FORBIDDEN` 403,
 * `COMMAND.CONCURRENCY_CONFLICT` 409, any other refusal 422): repeats and taken slots are 409.
 */
export const CO_BUILDING_ERROR_STATUSES: ErrorStatusRules = {
  'PROJECT.ALREADY_STARTED': 409,
  'PROJECT.ALREADY_MEMBER': 409,
  'PROJECT.REQUEST_ALREADY_DECIDED': 409,
  'PROJECT.INCOME_ALREADY_RECORDED': 409,
  'PROJECT.REASON_REQUIRED': 400,
  'RESOURCE.ALREADY_LISTED': 409,
  'SPACE.SLOT_TAKEN': 409,
  'SPACE.ALREADY_BOOKED': 409,
  'NEED.ALREADY_POSTED': 409,
  'ORGANISATION.ALREADY_REGISTERED': 409,
};

export const coBuildingErrorStatuses = errorStatusRules('co-building', CO_BUILDING_ERROR_STATUSES);
