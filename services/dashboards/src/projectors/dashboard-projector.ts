import type { AnyEventContract, ContractEvent, PublicEvent } from '@gongzhi/contracts';
import { publicEvents } from '@gongzhi/contracts';
import type { Projector } from '@gongzhi/projections';

/** The groups of figures the live stream names when they move; the web refetches the matching views. */
export const FIGURES = ['cases', 'whistles', 'deliberation', 'adopted-suggestions', 'points', 'honour-roll', 'participation', 'co-building'] as const;
export type Figure = (typeof FIGURES)[number];

/** A projector of the dashboards: a read model over public topics, and which figures an event moves. */
export interface DashboardProjector extends Projector<PublicEvent> {
  /** Every figure this read model feeds. */
  readonly figures: readonly Figure[];
  /** The figures one event moves. */
  figuresOf(event: PublicEvent): readonly Figure[];
}

export interface ProjectorSettings {
  /** IANA time zone whose calendar days the daily series count in. */
  readonly timeZone: string;
}

export const publicEventParser = publicEvents;

/** A type guard for the events of one service's contracts, so a projector can switch over them exhaustively. */
export function eventsOf<const Contracts extends readonly AnyEventContract[]>(contracts: Contracts) {
  const types = new Set(contracts.map((c) => c.type));
  return (event: PublicEvent): event is Extract<PublicEvent, ContractEvent<Contracts[number]>> => types.has(event.type);
}
