import type { ContractEvent } from '../shared/contract-event';

/** The events of a resident's ledger, stream `points-<residentId>`. */
export type LedgerEvent =
  | ContractEvent<'PointsAwarded'>
  | ContractEvent<'PointsAwardWithheld'>
  | ContractEvent<'PointsReversed'>
  | ContractEvent<'ResidentProfileUpdated'>
  | ContractEvent<'RewardRedeemed'>
  | ContractEvent<'RedemptionCancelled'>
  | ContractEvent<'RedemptionUsed'>
  | ContractEvent<'LevelReached'>
  | ContractEvent<'BadgeEarned'>
  | ContractEvent<'FarmingSuspected'>
  | ContractEvent<'FarmingReviewed'>;

export const ledgerStreamId = (residentId: string) => `points-${residentId}`;
