import { errorStatusRules, type ErrorStatusRules } from '@gongzhi/platform';

/**
 * The statuses of deliberation's codes beyond the platform's (`*.NOT_FOUND` 404, `*.FORBIDDEN` 403,
 * `COMMAND.CONCURRENCY_CONFLICT` 409, `EVENTSTORE.INVALID_EVENT` 400, any other refusal 422).
 */
export const DELIBERATION_ERROR_STATUSES: ErrorStatusRules = {
  // The caller may not vote on this topic: a matter of who they are, not of the request.
  'BALLOT.NOT_ELIGIBLE': 403,
  'TOPIC.ALREADY_EXISTS': 409,
  // 联署: an unverified account is a matter of who the caller is; one's own topic or a second signature a conflict.
  'TOPIC.CO_SIGNER_UNVERIFIED': 403,
  'TOPIC.OWN_TOPIC': 409,
  'TOPIC.ALREADY_CO_SIGNED': 409,
  'BUDGET.ALREADY_EXISTS': 409,
  // A malformed path or query value: the request itself is wrong.
  'BUDGET.YEAR_INVALID': 400,
  'BUDGET.BASE_AMOUNT_REQUIRED': 400,
  // Assisted participation: no (valid) consent is a matter of permission; a missing slip photo a bad request.
  'ASSISTED.CONSENT_INVALID': 403,
  'ASSISTED.CONSENT_REQUIRED': 400,
  'ASSISTED.ALREADY_VOTED': 409,
  'ASSISTED.ALREADY_RECORDED': 409,
  // The roll: who may vote is looked up, never typed; a resident off the roll is not eligible.
  'ROLL.UNAVAILABLE': 503,
  'ASSISTED.RESIDENT_NOT_VERIFIED': 403,
  'ASSISTED.SLIP_PHOTO_NOT_YOURS': 403,
  'ASSISTED.SLIP_PHOTO_USED': 409,
  'MEETING.ALREADY_EXISTS': 409,
  'AGREEMENT.ALREADY_EXISTS': 409,
  'AGREEMENT.ALREADY_SIGNED': 409,
  'COMMITMENT.ALREADY_COMPLETED': 409,
  'COUNCIL.ALREADY_VOLUNTEERED': 409,
  // Buildings and owners' votes: a home has one vote, whichever owner casts it.
  'BUILDING.ALREADY_EXISTS': 409,
  'BUILDING.HOME_EXISTS': 409,
  'BUILDING.ELECTION_OPEN': 409,
  'OWNERS_VOTE.HOME_ALREADY_VOTED': 409,
  'VOTING.ROSTER_NOT_TYPED': 400,
  // Level privileges (等级权限): the resident picked or acting has not opted in, or their level does not unlock it.
  'VOLUNTEER_ROLE.NOT_OPTED_IN': 409,
  'VOLUNTEER_ROLE.PRIVILEGE_MISSING': 403,
  // Volunteer teams (志愿服务队): a name is taken once per community, a resident leads one team at a time there.
  'VOLUNTEER_TEAM.ALREADY_EXISTS': 409,
  'VOLUNTEER_TEAM.NAME_TAKEN': 409,
  'VOLUNTEER_TEAM.ALREADY_LEADS': 409,
  'VOLUNTEER_TEAM.NOT_LEADER': 403,
  // Interest groups: who may join or take part is a matter of who the caller is.
  'GROUP.ALREADY_EXISTS': 409,
  'GROUP.RESIDENT_NOT_VERIFIED': 403,
  'GROUP.NOT_MEMBER': 403,
  'GROUP.COMMUNITY_REQUIRED': 400,
};

export const deliberationErrorStatuses = errorStatusRules('deliberation', DELIBERATION_ERROR_STATUSES);
