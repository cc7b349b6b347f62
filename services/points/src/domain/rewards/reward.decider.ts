import { ownValue } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import type { ContractDomainEvent } from '@gongzhi/contracts';

export type RewardEvent =
  | ContractDomainEvent<'RewardListed'>
  | ContractDomainEvent<'RewardRestocked'>
  | ContractDomainEvent<'RewardStockReserved'>
  | ContractDomainEvent<'RewardStockReleased'>;

export type RewardCommand =
  | {
      readonly type: 'ListReward';
      readonly data: {
        readonly rewardId: string;
        readonly name: string;
        readonly description: string | null;
        readonly pricePoints: number;
        readonly stock: number;
        /** Whose officers manage it; null: city-wide, admins only. */
        readonly communityId: string | null;
      };
    }
  | { readonly type: 'Restock'; readonly data: { readonly rewardId: string; readonly quantity: number } }
  | { readonly type: 'ReserveStock'; readonly data: { readonly rewardId: string; readonly redemptionId: string; readonly residentId: string } }
  | { readonly type: 'ReleaseStock'; readonly data: { readonly rewardId: string; readonly redemptionId: string; readonly reason: string } };

export type RewardState =
  | { readonly status: 'Unlisted' }
  | {
      readonly status: 'Listed';
      readonly name: string;
      /** Null for a city-wide reward (and one listed before rewards had a community): only admins manage it. */
      readonly communityId: string | null;
      readonly pricePoints: number;
      readonly stock: number;
      /** Held items by redemption: released ones go back to stock once. */
      readonly reservations: Readonly<Record<string, 'held' | 'released'>>;
    };

export const rewardStreamId = (rewardId: string) => `reward-${rewardId}`;

/** A reward's stock (库存): an item is held for a redemption before its points are debited, and never below zero. */
export const rewardDecider: Decider<RewardState, RewardCommand, RewardEvent, DecisionContext> = {
  initialState: () => ({ status: 'Unlisted' }),
  evolve(state, event) {
    switch (event.type) {
      case 'RewardListed': {
        const { name, pricePoints, stock } = event.data;
        return { status: 'Listed', name, communityId: event.data.communityId ?? null, pricePoints, stock, reservations: {} };
      }
      case 'RewardRestocked':
        return state.status === 'Listed' ? { ...state, stock: state.stock + event.data.quantity } : state;
      case 'RewardStockReserved':
        return state.status === 'Listed'
          ? { ...state, stock: state.stock - 1, reservations: { ...state.reservations, [event.data.redemptionId]: 'held' } }
          : state;
      case 'RewardStockReleased':
        return state.status === 'Listed'
          ? { ...state, stock: state.stock + 1, reservations: { ...state.reservations, [event.data.redemptionId]: 'released' } }
          : state;
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },
  decide(command, state) {
    if (command.type === 'ListReward') {
      if (state.status !== 'Unlisted') throw new DomainError('REWARD.ALREADY_LISTED', `Reward ${command.data.rewardId} is already listed`);
      return [{ type: 'RewardListed', data: command.data }];
    }
    if (state.status === 'Unlisted') {
      throw new DomainError('REWARD.NOT_FOUND', `No reward ${command.data.rewardId}`, { field: 'rewardId', rewardId: command.data.rewardId });
    }
    switch (command.type) {
      case 'Restock':
        return [{ type: 'RewardRestocked', data: command.data }];
      case 'ReserveStock': {
        const { rewardId, redemptionId } = command.data;
        if (ownValue(state.reservations, redemptionId)) return [];
        if (state.stock < 1) throw new DomainError('REWARD.OUT_OF_STOCK', `${state.name} is out of stock`, { field: 'rewardId', rewardId });
        return [{ type: 'RewardStockReserved', data: command.data }];
      }
      case 'ReleaseStock':
        // Releasing is idempotent: only a held item goes back, and only once.
        return ownValue(state.reservations, command.data.redemptionId) === 'held' ? [{ type: 'RewardStockReleased', data: command.data }] : [];
      default: {
        const unhandled: never = command;
        throw new Error(`Unknown reward command ${JSON.stringify(unhandled)}`);
      }
    }
  },
};
