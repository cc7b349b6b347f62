import { errorStatusRules, type ErrorStatusRules } from '@gongzhi/platform';

/**
 * The statuses of points' codes beyond the platform's (`*.NOT_FOUND` 404, `*.FORBIDDEN` 403,
 * `COMMAND.CONCURRENCY_CONFLICT` 409, any other refusal 422). Exact codes only: in the all-in-one
 * host every service shares the table.
 */
export const POINTS_ERROR_STATUSES: ErrorStatusRules = {
  // Missing things whose code does not end in `.NOT_FOUND`.
  'POINTS.AWARD_NOT_FOUND': 404,
  'POINTS.FLAG_NOT_FOUND': 404,
  'POINTS.LEDGER_NOT_FOUND': 404,
  'POINTS.REDEMPTION_NOT_FOUND': 404,
  'TIMEBANK.ENTRY_NOT_FOUND': 404,
  'TIMEBANK.RECIPIENT_NOT_FOUND': 404,
  'CONTEST.ENTRY_NOT_FOUND': 404,
  'CONTEST.TEAM_NOT_FOUND': 404,
  'CONTEST.BUILDING_NOT_FOUND': 404,
  // Conflicts with the current state of a reward, redemption, flag or entry.
  'REWARD.OUT_OF_STOCK': 409,
  'REWARD.ALREADY_LISTED': 409,
  'POINTS.REDEMPTION_CONFLICT': 409,
  'POINTS.FLAG_ALREADY_REVIEWED': 409,
  'TIMEBANK.ENTRY_CONFLICT': 409,
  'TIMEBANK.ENTRY_EXISTS': 409,
  'CONTEST.ALREADY_CLOSED': 409,
  'CONTEST.ALREADY_VOTED': 409,
  'CONTEST.ALREADY_IN_TEAM': 409,
  'CONTEST.ALREADY_SCORED': 409,
  'CONTEST.NOT_A_JUROR': 403,
  'RULES.PHASE_EXISTS': 409,
};

export const pointsErrorStatuses = errorStatusRules('points', POINTS_ERROR_STATUSES);
