import { errorStatusRules, type ErrorStatusRules } from '@gongzhi/platform';

/**
 * The statuses of co-building's codes beyond the platform's (`*.NOT_FOUND` 404, `*.FORBIDDEN` 403,
 * `COMMAND.CONCURRENCY_CONFLICT` 409, any other refusal 422): repeats, taken slots and bookings whose slot
 * has started are 409; a missing reason or a non-positive amount is 400. Overspending the public fund
 * (`FUND.INSUFFICIENT_BALANCE`) is a refusal of the domain: 422.
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
  'BOOKING.ALREADY_CANCELLED': 409,
  'BOOKING.SLOT_STARTED': 409,
  'BOOKING.REASON_REQUIRED': 400,
  'FUND.SPENDING_ALREADY_RECORDED': 409,
  'FUND.INVALID_AMOUNT': 400,
  'FUND.PURPOSE_REQUIRED': 400,
  'NEED.ALREADY_POSTED': 409,
  'ORGANISATION.ALREADY_REGISTERED': 409,
  'ACTIVITY.ALREADY_SCHEDULED': 409,
  'ACTIVITY.SIGN_UP_NOT_OPEN': 409,
  'ACTIVITY.FULL': 409,
  'ACTIVITY.ALREADY_SIGNED_UP': 409,
  'ACTIVITY.STARTED': 409,
  'ACTIVITY.INVALID_SIGN_UP_OPENING': 400,
  'ACTIVITY.INVALID_START': 400,
};

export const coBuildingErrorStatuses = errorStatusRules('co-building', CO_BUILDING_ERROR_STATUSES);
