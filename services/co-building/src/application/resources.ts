import { toDomainEvent, type EventStore } from '@gongzhi/eventsourcing';
import { resourceDecider, resourceStreamId, type ResourceEvent, type ResourceState } from '../domain/resource/resource.decider';

/** A resource of the pool as its stream says: what a booking or a project's request is checked against. */
export async function loadResource(store: EventStore, resourceId: string): Promise<ResourceState> {
  const { events } = await store.readStream(resourceStreamId(resourceId));
  return events.map((e) => toDomainEvent<ResourceEvent>(e)).reduce(resourceDecider.evolve, resourceDecider.initialState());
}
