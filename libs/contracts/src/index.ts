export { TOPICS, SERVICE_NAMES, deadLetterTopic, type ServiceName, type Topic } from './topics';
export { eventEnvelopeSchema, type EventEnvelope, type EnvelopeActor, type PublicEventEnvelope } from './envelope';
export {
  ContractRegistry,
  ContractDefinitionError,
  defineEvent,
  defineUpcaster,
  type AnyEventContract,
  type ContractEvent,
  type ContractIssue,
  type ContractParseResult,
  type ContractRegistryOptions,
  type EventContract,
  type Upcaster,
} from './registry';
export { publicEvents, type PublicEvent, type PublicEventData, type PublicEventOf, type PublicEventType } from './catalogue';
export type { ContractDomainEvent } from './contract-domain-event';
export { deadLetterSchema, type DeadLetter } from './dead-letter';
export { boxAround } from './places';
export { ASYNCAPI_DOCUMENT_VERSION, buildAsyncApiDocument, renderAsyncApiYaml, type AsyncApiDocument } from './asyncapi';
export * from './events/grid-events';
export * from './events/grid-events-base-data';
export * from './events/department-dispatch';
export * from './events/deliberation';
export * from './events/points';
export * from './events/co-building';
export { hasOwnKey, ownValue, PROTOTYPE_NAMES } from './own-value';
