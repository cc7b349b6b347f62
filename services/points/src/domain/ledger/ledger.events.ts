import type { ContractDomainEvent } from '@gongzhi/contracts';

/** The events of a resident's ledger, stream `points-<residentId>`. */
export type LedgerEvent =
  | ContractDomainEvent<'PointsAwarded'>
  | ContractDomainEvent<'PointsAwardWithheld'>
  | ContractDomainEvent<'ParticipationHonoured'>
  | ContractDomainEvent<'PointsReversed'>
  | ContractDomainEvent<'ResidentProfileUpdated'>
  | ContractDomainEvent<'RewardRedeemed'>
  | ContractDomainEvent<'RedemptionCancelled'>
  | ContractDomainEvent<'RedemptionUsed'>
  | ContractDomainEvent<'LevelReached'>
  | ContractDomainEvent<'BadgeEarned'>
  | ContractDomainEvent<'FarmingSuspected'>
  | ContractDomainEvent<'FarmingReviewed'>;

export const ledgerStreamId = (residentId: string) => `points-${residentId}`;
