import { DomainError } from '@gongzhi/eventsourcing';
import { assertResidentOf, hasAnyRole, OFFICER_ROLES, type Caller } from '../caller';
import type { CoSigningRule } from './topic.commands';
import type { TopicCoSigned } from './topic.events';
import type { Topic } from './topic.state';

export const PROPOSE_WITHOUT_CO_SIGNER = 'propose-without-co-signer';
const STAFF_ROLES: readonly string[] = [...OFFICER_ROLES, 'grid_worker'];

/**
 * 联署: how many co-signers a new topic waits for. Staff bring topics from their own work, and a resident whose
 * level unlocks proposing alone has earned the community's trust already: both go straight to screening.
 */
export function coSignersNeeded(proposer: Caller, rule: CoSigningRule | undefined): number {
  if (!rule || rule.required <= 0) return 0;
  if (hasAnyRole(proposer, STAFF_ROLES)) return 0;
  if (rule.proposerPrivileges.includes(PROPOSE_WITHOUT_CO_SIGNER)) return 0;
  return rule.required;
}

/**
 * Who may co-sign is checked before the topic's stage, so a stranger learns nothing of it. A co-signature counts only as
 * one more verified neighbour: a resident of the topic's community whose identity an
 * officer checked (so fresh accounts weigh nothing), never the proposer, each once.
 */
export function coSign(topic: Topic, caller: Caller, coSignerMark?: string): TopicCoSigned {
  assertResidentOf(caller, topic.communityId);
  if (caller.verification !== 'verified') {
    throw new DomainError('TOPIC.CO_SIGNER_UNVERIFIED', 'only residents whose identity an officer verified may co-sign a topic');
  }
  // A co-signer who asks again hears that they signed, even after their signature sent the topic on.
  if (topic.coSignerIds.includes(caller.subject)) {
    throw new DomainError('TOPIC.ALREADY_CO_SIGNED', 'you co-signed this topic already');
  }
  if (topic.status !== 'AwaitingCoSigners') {
    throw new DomainError('TOPIC.WRONG_STAGE', `cannot co-sign a topic that is ${topic.status}: it waits for no co-signer`, {
      status: topic.status,
    });
  }
  const ownAnonymousTopic = topic.anonymousProposerMark !== null && topic.anonymousProposerMark === coSignerMark;
  if (topic.proposerId === caller.subject || ownAnonymousTopic) {
    throw new DomainError('TOPIC.OWN_TOPIC', 'you proposed this topic: it needs other residents to co-sign it');
  }
  return {
    type: 'TopicCoSigned',
    data: {
      topicId: topic.topicId,
      residentId: caller.subject,
      coSigners: topic.coSignerIds.length + 1,
      coSignersNeeded: topic.coSignersNeeded,
    },
  };
}
