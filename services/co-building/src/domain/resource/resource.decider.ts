import { type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import type { PublicEventData, ContractDomainEvent } from '@gongzhi/contracts';
import { event, refuse } from '../domain-event';
import type { OpenTo } from '../participation';

export type ResourceEvent = ContractDomainEvent<'ResourceListed'>;
export type ListResource = { readonly type: 'ListResource'; readonly data: Omit<PublicEventData<'ResourceListed'>, 'listedBy'> };
export type ResourceCommand = ListResource;

export type ResourceState =
  | { readonly status: 'None' }
  | {
      readonly status: 'Listed';
      readonly resourceId: string;
      readonly communityId: string;
      readonly openTo: OpenTo;
      readonly kind: ListResource['data']['kind'];
      readonly title: string;
      readonly opensAt: string | null;
      readonly closesAt: string | null;
    };

export interface ResourceContext extends DecisionContext {
  /** Whether the lister acts as an officer of the community (community_officer): only officers list more than a skill. */
  readonly listerIsOfficer: boolean;
}

export const resourceStreamId = (resourceId: string) => `resource-${resourceId}`;

function decide(command: ResourceCommand, state: ResourceState, context: ResourceContext): readonly ResourceEvent[] {
  switch (command.type) {
    case 'ListResource': {
      if (state.status !== 'None') throw refuse('RESOURCE.ALREADY_LISTED', `Resource ${command.data.resourceId} is listed already`);
      const { data } = command;
      // The pool's spaces and the offers of companies and institutions speak for the community; a resident offers only themselves.
      if (!context.listerIsOfficer && data.kind !== 'skill') {
        throw refuse('RESOURCE.FORBIDDEN', 'A resident lists a skill of their own; spaces and offers are listed by the community’s officers', { field: 'kind' });
      }
      if (data.kind === 'space') {
        if (!data.opensAt || !data.closesAt || data.opensAt >= data.closesAt) {
          throw refuse('RESOURCE.OPENING_HOURS_REQUIRED', 'A space needs its daily opening hours, opensAt before closesAt', { field: 'opensAt' });
        }
      } else if (data.opensAt !== null || data.closesAt !== null) {
        throw refuse('RESOURCE.NOT_A_SPACE', 'Only a space has opening hours to book', { field: 'opensAt' });
      }
      return [event('ResourceListed', { ...data, tags: [...new Set(data.tags.map((t) => t.toLowerCase()))], listedBy: context.actor.id })];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(_state: ResourceState, e: ResourceEvent): ResourceState {
  switch (e.type) {
    case 'ResourceListed': {
      const { resourceId, communityId, kind, title, opensAt, closesAt, openTo } = e.data;
      return { status: 'Listed', resourceId, communityId, openTo: openTo ?? 'community', kind, title, opensAt, closesAt };
    }
    default:
      return assertNever(e.type);
  }
}

export const resourceDecider: Decider<ResourceState, ResourceCommand, ResourceEvent, ResourceContext> = {
  decide,
  evolve,
  initialState: () => ({ status: 'None' }),
};
