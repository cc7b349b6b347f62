import { SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import type { TopicCommand } from './topic.commands';
import { topicDecider } from './topic.decider';
import type { TopicEvent } from './topic.events';

// 联署: with the city's setting, a resident's topic waits for co-signers before screening, unless their level unlocks
// proposing alone; staff proposals go straight on. Co-signers are verified neighbours, never the proposer, each once.
const now = new Date('2026-11-26T09:00:00.000Z');
const scope = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const resident = (subject: string, overrides: Partial<Caller> = {}): Caller => ({
  subject,
  roles: ['resident'],
  scope,
  verification: 'verified',
  ...overrides,
});
const proposer = resident('resident-1');
const neighbour = resident('resident-2');
const secondNeighbour = resident('resident-3');
const officer: Caller = { subject: 'officer-1', roles: ['community_officer'], scope, verification: 'verified' };

const spec = deciderSpec(topicDecider, { actor: SYSTEM_ACTOR, caller: officer, now });
const given = (events: TopicEvent[]) => ({
  when: (command: TopicCommand, caller: Caller) => spec.given(events).when(command, { caller, now }),
});

const topicId = 't-1';
/** Keyed marks as the handler makes them under the service secret: the proposer's and a neighbour's. */
const proposerMark = 'a'.repeat(64);
const neighbourMark = 'b'.repeat(64);
const topic = { topicId, communityId: 'community-hexie', gridId: null, title: '加装电梯', description: '3 号楼老人上下楼难' };
const propose = (coSigning?: { required: number; proposerPrivileges: string[] }, anonymous = false): TopicCommand => ({
  type: 'ProposeTopic',
  data: { ...topic, anonymous, coSigning, anonymousProposerMark: anonymous ? proposerMark : undefined },
});
const awaitingAnonymous: TopicEvent = {
  type: 'TopicProposed',
  data: { ...topic, anonymous: true, proposerId: null, coSignersNeeded: 2, anonymousProposerMark: proposerMark },
};
const proposedAlone: TopicEvent = { type: 'TopicProposed', data: { ...topic, anonymous: false, proposerId: 'resident-1' } };
const awaitingTwo: TopicEvent = {
  type: 'TopicProposed',
  data: { ...topic, anonymous: false, proposerId: 'resident-1', coSignersNeeded: 2 },
};
const coSigned = (residentId: string, coSigners: number): TopicEvent => ({
  type: 'TopicCoSigned',
  data: { topicId, residentId, coSigners, coSignersNeeded: 2 },
});
const coSign: TopicCommand = { type: 'CoSignTopic', data: {} };
const screen: TopicCommand = { type: 'ScreenTopic', data: { outcome: 'accepted', reason: null, mergedIntoTopicId: null } };

describe('proposing a topic where the city asks for co-signers (联署)', () => {
  it('asks a resident for the co-signers the city sets', () => {
    given([])
      .when(propose({ required: 2, proposerPrivileges: ['early-sign-up'] }), proposer)
      .then([awaitingTwo]);
  });

  it('sends a resident whose level unlocks proposing alone straight to screening', () => {
    given([])
      .when(propose({ required: 2, proposerPrivileges: ['early-sign-up', 'propose-without-co-signer'] }), proposer)
      .then([proposedAlone]);
  });

  it('sends a proposal from staff who also live in the community straight to screening', () => {
    const residentOfficer: Caller = { ...officer, roles: ['resident', 'community_officer'], subject: 'resident-1' };
    given([])
      .when(propose({ required: 2, proposerPrivileges: [] }), residentOfficer)
      .then([proposedAlone]);
  });

  it('keeps an anonymous proposer unnamed, leaving only their keyed mark', () => {
    given([])
      .when(propose({ required: 2, proposerPrivileges: [] }, true), proposer)
      .then([awaitingAnonymous]);
    given([])
      .when(propose({ required: 2, proposerPrivileges: ['propose-without-co-signer'] }, true), proposer)
      .then([{ type: 'TopicProposed', data: { ...topic, anonymous: true, proposerId: null } }]);
  });

  it('asks for no co-signer where the city sets none, as before', () => {
    given([])
      .when(propose({ required: 0, proposerPrivileges: [] }), proposer)
      .then([proposedAlone]);
    given([]).when(propose(undefined), proposer).then([proposedAlone]);
  });
});

describe('co-signing a topic', () => {
  it('counts a verified neighbour, and the last co-signer sends the topic to screening', () => {
    given([awaitingTwo])
      .when(coSign, neighbour)
      .then([coSigned('resident-2', 1)]);
    given([awaitingTwo, coSigned('resident-2', 1)])
      .when(coSign, secondNeighbour)
      .then([coSigned('resident-3', 2)]);
    given([awaitingTwo, coSigned('resident-2', 1), coSigned('resident-3', 2)])
      .when(screen, officer)
      .then([{ type: 'TopicScreened', data: { topicId, outcome: 'accepted', reason: null, mergedIntoTopicId: null } }]);
  });

  it('keeps a topic still waiting for co-signers from screening', () => {
    given([awaitingTwo, coSigned('resident-2', 1)])
      .when(screen, officer)
      .thenThrows('TOPIC.WRONG_STAGE');
  });

  it('refuses the proposer co-signing their own topic', () => {
    given([awaitingTwo]).when(coSign, proposer).thenThrows('TOPIC.OWN_TOPIC');
  });

  it('refuses an anonymous proposer co-signing their own topic, known by their mark', () => {
    given([awaitingAnonymous])
      .when({ type: 'CoSignTopic', data: { coSignerMark: proposerMark } }, proposer)
      .thenThrows('TOPIC.OWN_TOPIC');
    given([awaitingAnonymous])
      .when({ type: 'CoSignTopic', data: { coSignerMark: neighbourMark } }, neighbour)
      .then([coSigned('resident-2', 1)]);
  });

  it('refuses a second signature from the same resident, while the topic waits and after it went on', () => {
    given([awaitingTwo, coSigned('resident-2', 1)])
      .when(coSign, neighbour)
      .thenThrows('TOPIC.ALREADY_CO_SIGNED');
    given([awaitingTwo, coSigned('resident-2', 1), coSigned('resident-3', 2)])
      .when(coSign, neighbour)
      .thenThrows('TOPIC.ALREADY_CO_SIGNED');
  });

  it('refuses a resident of another community', () => {
    const elsewhere = resident('resident-9', { scope: { ...scope, communityId: 'community-other' } });
    given([awaitingTwo]).when(coSign, elsewhere).thenThrows('TOPIC.FORBIDDEN');
  });

  it('refuses an account an officer has not verified', () => {
    given([awaitingTwo])
      .when(coSign, resident('resident-4', { verification: 'unverified' }))
      .thenThrows('TOPIC.CO_SIGNER_UNVERIFIED');
  });

  it('refuses an officer co-signing in place of residents', () => {
    given([awaitingTwo]).when(coSign, officer).thenThrows('TOPIC.FORBIDDEN');
  });

  it('refuses co-signing a topic that needs none, or has all it needs', () => {
    given([proposedAlone]).when(coSign, neighbour).thenThrows('TOPIC.WRONG_STAGE');
    given([awaitingTwo, coSigned('resident-2', 1), coSigned('resident-3', 2)])
      .when(coSign, resident('resident-5'))
      .thenThrows('TOPIC.WRONG_STAGE');
  });

  it('refuses co-signing a topic that does not exist', () => {
    given([]).when(coSign, neighbour).thenThrows('TOPIC.NOT_FOUND');
  });
});
