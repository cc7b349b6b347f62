import { type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import type { PublicEventData, ContractDomainEvent } from '@gongzhi/contracts';
import { event, refuse } from '../domain-event';

export type OrganisationEvent = ContractDomainEvent<'CommunityOrganisationRegistered'> | ContractDomainEvent<'CommunityOrganisationGraded'>;
export type Grade = PublicEventData<'CommunityOrganisationGraded'>['grade'];

export type RegisterOrganisation = {
  readonly type: 'RegisterOrganisation';
  readonly data: Omit<PublicEventData<'CommunityOrganisationRegistered'>, 'registeredBy'>;
};
export interface GradeOrganisation {
  readonly type: 'GradeOrganisation';
  readonly data: { readonly grade: Grade; readonly evaluatedOn: string; readonly validUntil: string; readonly note: string | null };
}
export type OrganisationCommand = RegisterOrganisation | GradeOrganisation;

export interface GradeRecord {
  readonly grade: Grade;
  readonly evaluatedOn: string;
  readonly validUntil: string;
}

export type OrganisationState =
  | { readonly status: 'None' }
  | { readonly status: 'Registered'; readonly organisationId: string; readonly communityId: string; readonly grades: readonly GradeRecord[] };

export const organisationStreamId = (organisationId: string) => `organisation-${organisationId}`;

function decide(command: OrganisationCommand, state: OrganisationState, context: DecisionContext): readonly OrganisationEvent[] {
  if (command.type === 'RegisterOrganisation') {
    if (state.status !== 'None') throw refuse('ORGANISATION.ALREADY_REGISTERED', `Organisation ${command.data.organisationId} is registered already`);
    const { data } = command;
    return [event('CommunityOrganisationRegistered', { ...data, registeredBy: context.actor.id })];
  }
  if (state.status === 'None') throw refuse('ORGANISATION.NOT_FOUND', 'No such community organisation');
  switch (command.type) {
    case 'GradeOrganisation': {
      if (command.data.validUntil <= command.data.evaluatedOn) {
        throw refuse('ORGANISATION.INVALID_VALIDITY', 'A grade is valid until a day after its evaluation', { field: 'validUntil' });
      }
      const latest = state.grades.at(-1);
      if (latest && command.data.evaluatedOn < latest.evaluatedOn) {
        throw refuse('ORGANISATION.EVALUATION_OUT_OF_ORDER', `The last evaluation was on ${latest.evaluatedOn}; record evaluations in order`, {
          field: 'evaluatedOn',
        });
      }
      return [
        event('CommunityOrganisationGraded', {
          organisationId: state.organisationId,
          communityId: state.communityId,
          grade: command.data.grade,
          previousGrade: latest?.grade ?? null,
          evaluatedOn: command.data.evaluatedOn,
          validUntil: command.data.validUntil,
          evaluatorIds: [context.actor.id],
          note: command.data.note,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: OrganisationState, e: OrganisationEvent): OrganisationState {
  switch (e.type) {
    case 'CommunityOrganisationRegistered':
      return { status: 'Registered', organisationId: e.data.organisationId, communityId: e.data.communityId, grades: [] };
    case 'CommunityOrganisationGraded':
      return state.status === 'None'
        ? state
        : { ...state, grades: [...state.grades, { grade: e.data.grade, evaluatedOn: e.data.evaluatedOn, validUntil: e.data.validUntil }] };
    default:
      return assertNever(e);
  }
}

export const organisationDecider: Decider<OrganisationState, OrganisationCommand, OrganisationEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'None' }),
};
