import type { ContractDomainEvent } from '@gongzhi/contracts';

export type BuildingRegistered = ContractDomainEvent<'BuildingRegistered'>;
export type HomeRecorded = ContractDomainEvent<'HomeRecorded'>;
export type BuildingResidentRecorded = ContractDomainEvent<'BuildingResidentRecorded'>;
export type BuildingHeadElectionOpened = ContractDomainEvent<'BuildingHeadElectionOpened'>;
export type BuildingHeadElectionClosed = ContractDomainEvent<'BuildingHeadElectionClosed'>;

export type BuildingEvent =
  BuildingRegistered | HomeRecorded | BuildingResidentRecorded | BuildingHeadElectionOpened | BuildingHeadElectionClosed;
