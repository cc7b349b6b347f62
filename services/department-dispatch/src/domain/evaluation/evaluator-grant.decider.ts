import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { event } from '../domain-event';
import type { GrantEvaluatorAccess } from './evaluation.commands';
import type { EvaluatorGrantEvent } from './evaluation.events';

export interface EvaluatorGrant {
  readonly grantId: string;
  readonly communityIds: readonly string[];
  readonly validFrom: string;
  readonly validUntil: string;
}

/** Every grant an evaluator holds, past ones too: a grant is never edited, a new period is a new grant. */
export interface EvaluatorGrantsState {
  readonly grants: readonly EvaluatorGrant[];
}

export interface EvaluatorGrantContext extends DecisionContext {
  /** Whether an id names a community of the city's tree. */
  readonly isCommunity: (communityId: string) => boolean;
}

export const evaluatorGrantsStreamId = (evaluatorId: string) => `evaluator-grants-${evaluatorId}`;

/** Does one of the grants let the evaluator into the community at this instant? Ends are exclusive. */
export function grantCovers(state: EvaluatorGrantsState, communityId: string, at: Date): boolean {
  const time = at.getTime();
  return state.grants.some(
    (grant) => grant.communityIds.includes(communityId) && Date.parse(grant.validFrom) <= time && time < Date.parse(grant.validUntil),
  );
}

const refuse = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);

function decide(
  command: GrantEvaluatorAccess,
  state: EvaluatorGrantsState,
  context: EvaluatorGrantContext,
): readonly EvaluatorGrantEvent[] {
  const { grantId, evaluatorId, communityIds, validFrom, validUntil } = command.data;
  if (state.grants.some((grant) => grant.grantId === grantId)) {
    throw refuse('EVALUATOR_GRANT.ALREADY_GRANTED', `Grant ${grantId} exists already`);
  }
  const unknown = communityIds.filter((id) => !context.isCommunity(id));
  if (unknown.length > 0) {
    throw refuse('EVALUATOR_GRANT.UNKNOWN_COMMUNITY', `${unknown.join(', ')} is not a community of the city`, { field: 'communityIds' });
  }
  if (Date.parse(validUntil) <= Date.parse(validFrom)) {
    throw refuse('EVALUATOR_GRANT.EMPTY_PERIOD', 'A grant ends after it begins', { field: 'validUntil' });
  }
  if (Date.parse(validUntil) <= context.now.getTime()) {
    throw refuse('EVALUATOR_GRANT.ALREADY_OVER', 'A grant that has ended already would let nobody in', { field: 'validUntil' });
  }
  return [
    event('EvaluatorAccessGranted', {
      grantId,
      evaluatorId,
      communityIds: [...new Set(communityIds)],
      validFrom,
      validUntil,
      adminId: context.actor.id,
    }),
  ];
}

function evolve(state: EvaluatorGrantsState, granted: EvaluatorGrantEvent): EvaluatorGrantsState {
  const { grantId, communityIds, validFrom, validUntil } = granted.data;
  return { grants: [...state.grants, { grantId, communityIds, validFrom, validUntil }] };
}

export const evaluatorGrantDecider: Decider<EvaluatorGrantsState, GrantEvaluatorAccess, EvaluatorGrantEvent, EvaluatorGrantContext> = {
  decide,
  evolve,
  initialState: () => ({ grants: [] }),
};
