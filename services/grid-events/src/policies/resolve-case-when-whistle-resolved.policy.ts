import { TOPICS, publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { DomainError, metadataCausedBy, type Actor } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import type { CaseCommands } from '../application/case-commands';
import { ExecuteCaseCommand, type CaseCommandBus } from '../commands/execute-case-command';
import type { GridEventsSettings } from '../grid-events.settings';

/**
 * Refusals that mean there is nothing to do: the case is resolved, confirmed or closed already (a repeated
 * or late event), it is not a case of this city, or the whistle was blown by another street than the case's.
 */
const NOTHING_TO_DO = new Set(['CASE.INVALID_TRANSITION', 'CASE.ALREADY_CLOSED', 'CASE.NOT_FOUND', 'CASE.FORBIDDEN']);

/**
 * 吹哨报到 closes the loop: when every department summoned by the street's whistle has done its task
 * (WhistleResolved), the case the whistle was blown on is resolved with the departments' notes and photos,
 * and its reporter is asked to confirm, as after any resolution. A whistle without a case changes nothing.
 */
export function resolveCaseWhenWhistleResolved(
  commands: CaseCommandBus,
  cases: Pick<CaseCommands, 'now'>,
  settings: Pick<GridEventsSettings, 'autoCloseAfterHours'>,
): ConsumerDefinition<PublicEvent> {
  return {
    name: 'grid-events.resolve-case-on-whistle',
    topics: [TOPICS['department-dispatch']],
    parser: publicEvents,
    async handle(event) {
      if (event.type !== 'WhistleResolved' || !event.data.caseId) return;
      const { whistleId, caseId, streetId, summary, photoIds } = event.data;
      const actor: Actor = { id: `whistle:${whistleId}`, kind: 'service', roles: ['street_officer'] };
      try {
        await commands.execute(
          new ExecuteCaseCommand({
            caseId,
            command: {
              type: 'ResolveByWhistle',
              data: { whistleId, streetId, notes: summary, afterPhotoIds: photoIds, confirmWithinHours: settings.autoCloseAfterHours },
            },
            metadata: metadataCausedBy(event, actor, cases.now()),
          }),
        );
      } catch (error) {
        if (error instanceof DomainError && NOTHING_TO_DO.has(error.code)) return;
        throw error;
      }
    },
  };
}
