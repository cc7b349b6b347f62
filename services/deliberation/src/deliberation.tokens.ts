/** Injection tokens of the service's own ports. */
export const VOTING_SCHEDULER = Symbol('VOTING_SCHEDULER');
export const CLOSE_VOTING_TIMER = 'deliberation.close-voting';
export const CLOSE_BUDGET_VOTE_TIMER = 'deliberation.close-budget-vote';
export const COMMITMENT_DUE_TIMER = 'deliberation.commitment-due';
export const CLOSE_HEAD_ELECTION_TIMER = 'deliberation.close-head-election';
export const CLOSE_OWNERS_VOTE_TIMER = 'deliberation.close-owners-vote';
/** 联署: the co-signers a resident's topic waits for (GONGZHI_TOPIC_COSIGNERS), 0 for none. */
export const TOPIC_CO_SIGNERS_REQUIRED = Symbol('TOPIC_CO_SIGNERS_REQUIRED');
