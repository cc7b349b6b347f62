import type { PublicEventData } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { event } from '../domain-event';
import type { EarlyWarningEvent } from './early-warning.events';

/** Raised by the platform's own detectors (early-warning.policy), never by a person. */
export interface RaiseEarlyWarning {
  readonly type: 'RaiseEarlyWarning';
  readonly data: PublicEventData<'EarlyWarningRaised'>;
}

export type EarlyWarningState = { readonly status: 'None' } | { readonly status: 'Raised'; readonly warningId: string };

export const earlyWarningStreamId = (warningId: string) => `early-warning-${warningId}`;

/** A warning is raised once: its id names its subject and period, so the same pattern seen again is the same warning. */
function decide(command: RaiseEarlyWarning, state: EarlyWarningState, _context: DecisionContext): readonly EarlyWarningEvent[] {
  if (state.status === 'Raised') throw new DomainError('EARLY_WARNING.ALREADY_RAISED', `Warning ${state.warningId} was raised already`);
  return [event('EarlyWarningRaised', { ...command.data, subjectIds: [...command.data.subjectIds] })];
}

function evolve(_state: EarlyWarningState, event: EarlyWarningEvent): EarlyWarningState {
  return { status: 'Raised', warningId: event.data.warningId };
}

export const earlyWarningDecider: Decider<EarlyWarningState, RaiseEarlyWarning, EarlyWarningEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'None' }),
};
