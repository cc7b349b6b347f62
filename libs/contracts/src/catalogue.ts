import { ContractRegistry, type ContractEvent } from './registry';
import { coBuildingContracts } from './events/co-building';
import { departmentDispatchContracts } from './events/department-dispatch';
import { deliberationContracts } from './events/deliberation';
import { gridEventContracts, gridEventHistory } from './events/grid-events';
import { pointsContracts } from './events/points';

const currentContracts = [
  ...gridEventContracts,
  ...departmentDispatchContracts,
  ...deliberationContracts,
  ...pointsContracts,
  ...coBuildingContracts,
] as const;

/** Every public event of Gongzhi: the registry consumers parse Kafka messages with. */
export const publicEvents = new ContractRegistry({
  current: currentContracts,
  superseded: [...gridEventHistory.superseded],
  upcasters: [...gridEventHistory.upcasters],
});

/** A public event as a consumer receives it: latest version, `data` narrowed by `type`. */
export type PublicEvent = ContractEvent<(typeof currentContracts)[number]>;
export type PublicEventType = PublicEvent['type'];
export type PublicEventOf<Type extends PublicEventType> = Extract<PublicEvent, { readonly type: Type }>;
/** The `data` of the latest version of a type: `PublicEventData<'CaseReported'>`. */
export type PublicEventData<Type extends PublicEventType> = PublicEventOf<Type>['data'];
