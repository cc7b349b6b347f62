import { type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import type { ContractDomainEvent } from '@gongzhi/contracts';
import { event, refuse } from '../domain-event';
import { cityDateTimeOf } from '../space-day/space-day.decider';

/**
 * One activity residents sign up for: one stream per activity, so two concurrent sign-ups for its last place meet
 * at the stream's expected version and only one is stored.
 */
export type ActivityEvent = ContractDomainEvent<'CommunityActivityScheduled'> | ContractDomainEvent<'ActivitySignedUp'>;

export interface ScheduleActivity {
  readonly type: 'ScheduleActivity';
  readonly data: {
    readonly activityId: string;
    readonly communityId: string;
    readonly title: string;
    readonly startsAt: string;
    readonly capacity: number;
    readonly signUpOpensAt: string;
  };
}

export interface SignUpForActivity {
  readonly type: 'SignUpForActivity';
  readonly data: { readonly activityId: string; readonly residentId: string };
}

export type ActivityCommand = ScheduleActivity | SignUpForActivity;

export interface ActivityState {
  readonly activity: {
    readonly activityId: string;
    readonly communityId: string;
    readonly title: string;
    readonly startsAt: string;
    readonly capacity: number;
    readonly signUpOpensAt: string;
  } | null;
  readonly signedUp: readonly string[];
}

export interface ActivityContext extends DecisionContext {
  /** The community the actor is a verified resident of; absent for anyone else. */
  readonly residentOfCommunityId?: string;
  /** Whether the resident's level unlocks 'early-sign-up', as co-building learnt it from points. */
  readonly holdsEarlySignUp?: boolean;
  /** How many hours before sign-up opens a resident holding 'early-sign-up' may sign up. */
  readonly earlySignUpHours: number;
  /** IANA time zone of the city: the opening time in a refusal is read there. */
  readonly timeZone: string;
}

export const activityStreamId = (activityId: string) => `activity-${activityId}`;

const HOUR_MS = 3_600_000;

function decide(command: ActivityCommand, state: ActivityState, context: ActivityContext): readonly ActivityEvent[] {
  switch (command.type) {
    case 'ScheduleActivity': {
      const { data } = command;
      if (state.activity) throw refuse('ACTIVITY.ALREADY_SCHEDULED', `Activity ${data.activityId} is scheduled already`);
      if (Date.parse(data.signUpOpensAt) >= Date.parse(data.startsAt)) {
        throw refuse('ACTIVITY.INVALID_SIGN_UP_OPENING', 'Sign-up opens before the activity starts', { field: 'signUpOpensAt' });
      }
      if (Date.parse(data.startsAt) <= context.now.getTime()) {
        throw refuse('ACTIVITY.INVALID_START', 'An activity is scheduled to start in the future', { field: 'startsAt' });
      }
      return [event('CommunityActivityScheduled', { ...data, scheduledBy: context.actor.id })];
    }
    case 'SignUpForActivity':
      return signUp(command, state, context);
    default:
      return assertNever(command);
  }
}

function signUp(command: SignUpForActivity, state: ActivityState, context: ActivityContext): readonly ActivityEvent[] {
  const { activityId, residentId } = command.data;
  const { activity } = state;
  if (!activity) throw refuse('ACTIVITY.NOT_FOUND', `No activity ${activityId}`, { activityId });
  if (residentId !== context.actor.id) {
    throw refuse('ACTIVITY.FORBIDDEN', 'A resident signs up only themselves', { field: 'residentId', rule: 'self_only' });
  }
  if (context.residentOfCommunityId !== activity.communityId) {
    throw refuse('ACTIVITY.FORBIDDEN', `Only verified residents of ${activity.communityId} may sign up for ${activity.title}`, {
      communityId: activity.communityId,
      rule: 'verified_resident_of_community',
    });
  }
  const now = context.now.getTime();
  if (now >= Date.parse(activity.startsAt)) {
    throw refuse('ACTIVITY.STARTED', `${activity.title} has started; sign-up is closed`, { startsAt: activity.startsAt });
  }
  const opensAt = Date.parse(activity.signUpOpensAt);
  const early = now < opensAt;
  if (early && !(context.holdsEarlySignUp && now >= opensAt - context.earlySignUpHours * HOUR_MS)) {
    const opening = cityDateTimeOf(new Date(opensAt), context.timeZone);
    throw refuse('ACTIVITY.SIGN_UP_NOT_OPEN', `Sign-up for ${activity.title} opens at ${opening} (${context.timeZone})`, {
      signUpOpensAt: activity.signUpOpensAt,
      opensAtCityTime: opening,
    });
  }
  if (state.signedUp.includes(residentId)) {
    throw refuse('ACTIVITY.ALREADY_SIGNED_UP', `You have signed up for ${activity.title} already`, { activityId });
  }
  if (state.signedUp.length >= activity.capacity) {
    throw refuse('ACTIVITY.FULL', `${activity.title} is full: all ${activity.capacity} places are taken`, {
      capacity: activity.capacity,
    });
  }
  return [event('ActivitySignedUp', { activityId, communityId: activity.communityId, residentId, early })];
}

function evolve(state: ActivityState, e: ActivityEvent): ActivityState {
  switch (e.type) {
    case 'CommunityActivityScheduled': {
      const { activityId, communityId, title, startsAt, capacity, signUpOpensAt } = e.data;
      return { ...state, activity: { activityId, communityId, title, startsAt, capacity, signUpOpensAt } };
    }
    case 'ActivitySignedUp':
      return { ...state, signedUp: [...state.signedUp, e.data.residentId] };
    default:
      return assertNever(e);
  }
}

export const activityDecider: Decider<ActivityState, ActivityCommand, ActivityEvent, ActivityContext> = {
  decide,
  evolve,
  initialState: () => ({ activity: null, signedUp: [] }),
};
