import type { DataSource } from 'typeorm';
import { ForbiddenError, type Principal } from '@gongzhi/identity';
import { EvaluatorGrantRow } from '../../read-models/evaluation.entities';

/** The grants an evaluator holds now: begun, not yet ended (the end is exclusive). */
export async function liveGrantsOf(dataSource: DataSource, evaluatorId: string, now: Date): Promise<EvaluatorGrantRow[]> {
  const grants = await dataSource.getRepository(EvaluatorGrantRow).findBy({ evaluatorId });
  const time = now.getTime();
  return grants.filter((grant) => Date.parse(grant.validFrom) <= time && time < Date.parse(grant.validUntil));
}

/**
 * An evaluator reads a community only while a grant names it; an admin reads every community, as the one who grants.
 * Another community, a grant not yet begun or already ended, answer alike: 403, naming nothing of the grant.
 */
export async function assertMayReadCommunity(dataSource: DataSource, principal: Principal, communityId: string, now: Date): Promise<void> {
  if (principal.roles.includes('admin')) return;
  if (principal.roles.includes('evaluator')) {
    const grants = await liveGrantsOf(dataSource, principal.subject, now);
    if (grants.some((grant) => grant.communityIds.includes(communityId))) return;
  }
  throw new ForbiddenError(`no evaluation grant lets this account read ${communityId} now`);
}
