import { type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import type { PublicEventData, ContractDomainEvent } from '@gongzhi/contracts';
import { event, refuse } from '../domain-event';

export type NeedEvent = ContractDomainEvent<'NeedPosted'>;
export type PostNeed = { readonly type: 'PostNeed'; readonly data: Omit<PublicEventData<'NeedPosted'>, 'postedBy'> };
export type NeedCommand = PostNeed;
export type NeedState = { readonly status: 'None' } | { readonly status: 'Posted'; readonly needId: string; readonly communityId: string };

export const needStreamId = (needId: string) => `need-${needId}`;

function decide(command: NeedCommand, state: NeedState, context: DecisionContext): readonly NeedEvent[] {
  switch (command.type) {
    case 'PostNeed': {
      if (state.status !== 'None') throw refuse('NEED.ALREADY_POSTED', `Need ${command.data.needId} is posted already`);
      const { data } = command;
      return [event('NeedPosted', { ...data, tags: [...new Set(data.tags.map((t) => t.toLowerCase()))], postedBy: context.actor.id })];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(_state: NeedState, e: NeedEvent): NeedState {
  switch (e.type) {
    case 'NeedPosted':
      return { status: 'Posted', needId: e.data.needId, communityId: e.data.communityId };
    default:
      return assertNever(e.type);
  }
}

export const needDecider: Decider<NeedState, NeedCommand, NeedEvent> = { decide, evolve, initialState: () => ({ status: 'None' }) };
