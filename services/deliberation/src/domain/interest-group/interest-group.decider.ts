import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { assertKnownCommunity, authorityCovers, cityTree } from '@gongzhi/identity';
import { OFFICER_ROLES, type Caller } from '../caller';
import type { CreateInterestGroup, InterestGroupCommand } from './interest-group.commands';
import type { InterestGroupEvent } from './interest-group.events';
import type { ActiveInterestGroup, InterestGroupState } from './interest-group.state';

// 兴趣社团: one stream per group. Its members are a reason to recommend the group's topics and the roll of its votes,
// so only a verified resident of the group's community gets on it, and only by their own hand.

export const interestGroupStreamId = (groupId: string) => `interest-group-${groupId}`;

export interface InterestGroupContext extends DecisionContext {
  readonly caller: Caller;
}

const isOfficerOf = (caller: Caller, communityId: string) =>
  authorityCovers(caller, cityTree().placeOfCommunity(communityId), OFFICER_ROLES);

/** A verified resident of this community: one account per person an officer has met, so fresh accounts add nobody. */
function assertVerifiedResidentOf(caller: Caller, communityId: string, action: string): void {
  if (!caller.roles.includes('resident') || caller.scope.communityId !== communityId) {
    throw new DomainError('GROUP.FORBIDDEN', `only residents of ${communityId} ${action} its groups`, { communityId });
  }
  if (caller.verification !== 'verified') {
    throw new DomainError(
      'GROUP.RESIDENT_NOT_VERIFIED',
      `only verified residents ${action} a group: ask your community office to verify you`,
    );
  }
}

function active(state: InterestGroupState): ActiveInterestGroup {
  if (state.status === 'None') throw new DomainError('GROUP.NOT_FOUND', 'no such interest group');
  return state;
}

/** Staff of the community create a group; a verified resident of it founds one and is its first member. */
function create({ data }: CreateInterestGroup, state: InterestGroupState, caller: Caller): InterestGroupEvent[] {
  if (state.status !== 'None') throw new DomainError('GROUP.ALREADY_EXISTS', `interest group ${data.groupId} exists`);
  assertKnownCommunity(data.communityId, 'GROUP.UNKNOWN_COMMUNITY');
  if (isOfficerOf(caller, data.communityId)) {
    return [{ type: 'InterestGroupCreated', data: { ...data, founderId: null } }];
  }
  assertVerifiedResidentOf(caller, data.communityId, 'found');
  return [
    { type: 'InterestGroupCreated', data: { ...data, founderId: caller.subject } },
    { type: 'InterestGroupJoined', data: { groupId: data.groupId, residentId: caller.subject } },
  ];
}

function join(group: ActiveInterestGroup, caller: Caller): InterestGroupEvent[] {
  assertVerifiedResidentOf(caller, group.communityId, 'join');
  if (group.memberIds.includes(caller.subject)) return [];
  return [{ type: 'InterestGroupJoined', data: { groupId: group.groupId, residentId: caller.subject } }];
}

function leave(group: ActiveInterestGroup, caller: Caller): InterestGroupEvent[] {
  if (!group.memberIds.includes(caller.subject)) return [];
  return [{ type: 'InterestGroupLeft', data: { groupId: group.groupId, residentId: caller.subject } }];
}

export const interestGroupDecider: Decider<InterestGroupState, InterestGroupCommand, InterestGroupEvent, InterestGroupContext> = {
  initialState: () => ({ status: 'None' }),

  decide(command, state, { caller }) {
    switch (command.type) {
      case 'CreateInterestGroup':
        return create(command, state, caller);
      case 'JoinInterestGroup':
        return join(active(state), caller);
      case 'LeaveInterestGroup':
        return leave(active(state), caller);
      default: {
        const unknown: never = command;
        throw new Error(`unknown interest group command ${JSON.stringify(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'InterestGroupCreated') {
      const { groupId, communityId, name, founderId } = event.data;
      return { status: 'Active', groupId, communityId, name, founderId, memberIds: [] };
    }
    if (state.status === 'None') return state;
    switch (event.type) {
      case 'InterestGroupJoined':
        return { ...state, memberIds: [...state.memberIds, event.data.residentId].sort() };
      case 'InterestGroupLeft':
        return { ...state, memberIds: state.memberIds.filter((id) => id !== event.data.residentId) };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
