import type { ContractDomainEvent, PublicEventData } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { assertOfficerOf, type Caller } from '../caller';
import type { RegisteredBuilding } from '../building/building.state';
import { tallyOwnersVote, type OwnersVoteRule, type WeightedCounts } from './owners-tally';

// 全体业主投票: one stream per vote. The roll is the homes of the buildings in scope, drawn when it opens.

export const ownersVoteStreamId = (voteId: string) => `owners-vote-${voteId}`;

export type OwnersVoteOpened = ContractDomainEvent<'OwnersVoteOpened'>;
export type OwnersVoteClosed = ContractDomainEvent<'OwnersVoteClosed'>;
export type OwnersVoteEvent = OwnersVoteOpened | OwnersVoteClosed;

export type OpenOwnersVote = {
  type: 'OpenOwnersVote';
  data: {
    voteId: string;
    communityId: string;
    /** The buildings in scope as the register holds them now (looked up by the handler). */
    buildings: readonly RegisteredBuilding[];
    question: string;
    options: { optionId: string; label: string }[];
    rule: OwnersVoteRule;
    quorumPercent: number;
    passThresholdPercent: number;
    closesAt: string;
  };
};
export type CloseOwnersVote = { type: 'CloseOwnersVote'; data: { counts: WeightedCounts } };
export type OwnersVoteCommand = OpenOwnersVote | CloseOwnersVote;

export type OwnersVoteTermsData = PublicEventData<'OwnersVoteOpened'>;
export type OwnersVoteState =
  | { readonly status: 'None' }
  | { readonly status: 'Open'; readonly vote: OwnersVoteTermsData }
  | { readonly status: 'Closed'; readonly vote: OwnersVoteTermsData; readonly result: PublicEventData<'OwnersVoteClosed'> };

export interface OwnersVoteContext extends DecisionContext {
  readonly caller: Caller;
}

function open({ data }: OpenOwnersVote, caller: Caller, now: Date): OwnersVoteEvent[] {
  assertOfficerOf(caller, data.communityId, 'OWNERS_VOTE.FORBIDDEN');
  const outside = data.buildings.filter((b) => b.communityId !== data.communityId).map((b) => b.buildingId);
  if (outside.length > 0) {
    throw new DomainError('OWNERS_VOTE.BUILDING_OUTSIDE_COMMUNITY', `not buildings of ${data.communityId}: ${outside.join(', ')}`, {
      field: 'buildingIds',
    });
  }
  if (new Set(data.options.map((o) => o.optionId)).size !== data.options.length) {
    throw new DomainError('OWNERS_VOTE.OPTIONS_REPEATED', 'each option id is used once', { field: 'options' });
  }
  if (Date.parse(data.closesAt) <= now.getTime()) {
    throw new DomainError('VOTING.CLOSES_IN_PAST', 'the vote must close in the future', { field: 'closesAt' });
  }
  const homes = data.buildings
    .flatMap((b) =>
      Object.values(b.homes).map((h) => ({
        homeId: h.homeId,
        buildingId: b.buildingId,
        areaHundredths: h.areaHundredths,
        ownerIds: [...h.ownerIds],
      })),
    )
    .sort((a, b) => a.homeId.localeCompare(b.homeId));
  if (homes.length === 0)
    throw new DomainError('OWNERS_VOTE.ROLL_EMPTY', 'no home with owners is recorded in these buildings', { field: 'buildingIds' });
  return [
    {
      type: 'OwnersVoteOpened',
      data: {
        voteId: data.voteId,
        communityId: data.communityId,
        buildingIds: data.buildings.map((b) => b.buildingId),
        question: data.question,
        options: data.options,
        rule: data.rule,
        quorumPercent: data.quorumPercent,
        passThresholdPercent: data.passThresholdPercent,
        closesAt: data.closesAt,
        homes,
        homesOnRoll: homes.length,
        areaOnRollHundredths: homes.reduce((sum, h) => sum + h.areaHundredths, 0),
      },
    },
  ];
}

function close({ data }: CloseOwnersVote, state: OwnersVoteState, caller: Caller, now: Date): OwnersVoteEvent[] {
  if (state.status === 'None') throw new DomainError('OWNERS_VOTE.NOT_FOUND', 'no such vote');
  if (!caller.roles.includes('system')) assertOfficerOf(caller, state.vote.communityId, 'OWNERS_VOTE.FORBIDDEN');
  if (state.status === 'Closed') return [];
  if (now.getTime() < Date.parse(state.vote.closesAt)) throw new DomainError('VOTING.NOT_DUE', `voting closes at ${state.vote.closesAt}`);
  return [{ type: 'OwnersVoteClosed', data: tallyOwnersVote(state.vote, data.counts) }];
}

export const ownersVoteDecider: Decider<OwnersVoteState, OwnersVoteCommand, OwnersVoteEvent, OwnersVoteContext> = {
  initialState: () => ({ status: 'None' }),
  decide(command, state, { caller, now }) {
    switch (command.type) {
      case 'OpenOwnersVote':
        if (state.status !== 'None') throw new DomainError('OWNERS_VOTE.ALREADY_EXISTS', 'this vote is open already');
        return open(command, caller, now);
      case 'CloseOwnersVote':
        return close(command, state, caller, now);
      default: {
        const unknown: never = command;
        throw new Error(`unknown owners' vote command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'OwnersVoteOpened':
        return { status: 'Open', vote: event.data };
      case 'OwnersVoteClosed':
        return state.status === 'None' ? state : { status: 'Closed', vote: state.vote, result: event.data };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
