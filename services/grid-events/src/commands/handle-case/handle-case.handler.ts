import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { commandMetadataFor, type Principal } from '@gongzhi/identity';
import { forbidden } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import type { Assignee } from '../../domain/case/case.commands';
import type { CaseFacts } from '../../domain/case/case.state';
import { GRID_EVENTS_SETTINGS, MEDIA_STORE } from '../../grid-events.tokens';
import type { GridEventsSettings } from '../../grid-events.settings';
import type { MediaStore } from '../../media/media-store';
import { AcknowledgeCase, ResolveCase } from './handle-case.command';

function asGridWorker(state: CaseFacts, principal: Principal): Assignee {
  if (state.report.gridId !== principal.scope.gridId) throw forbidden(`the case lies in ${state.report.gridId}, outside your grid`);
  return { kind: 'grid_worker', id: state.assignment?.id ?? principal.subject, departmentId: null };
}

/**
 * 签收 / 处置: a grid worker handles the small cases of their grid over HTTP. Departments acknowledge and
 * report done in department-dispatch; its events reach the case through the policies.
 */
@CommandHandler(AcknowledgeCase)
export class AcknowledgeCaseHandler implements ICommandHandler<AcknowledgeCase, void> {
  constructor(private readonly cases: CaseCommands) {}

  async execute({ data: { caseId, principal } }: AcknowledgeCase): Promise<void> {
    const state = await this.cases.existing(caseId);
    const by = asGridWorker(state, principal);
    await this.cases.execute(caseId, { type: 'AcknowledgeCase', data: { by } }, commandMetadataFor(principal, this.cases.now()));
  }
}

@CommandHandler(ResolveCase)
export class ResolveCaseHandler implements ICommandHandler<ResolveCase, void> {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(MEDIA_STORE) private readonly media: MediaStore,
    @Inject(GRID_EVENTS_SETTINGS) private readonly settings: GridEventsSettings,
  ) {}

  async execute({ data: { caseId, principal, request } }: ResolveCase): Promise<void> {
    const state = await this.cases.existing(caseId);
    const by = asGridWorker(state, principal);
    await this.assertPhotos(request.afterPhotoIds);
    await this.cases.execute(
      caseId,
      {
        type: 'ResolveCase',
        data: { by, notes: request.notes, afterPhotoIds: request.afterPhotoIds, confirmWithinHours: this.settings.autoCloseAfterHours },
      },
      commandMetadataFor(principal, this.cases.now()),
    );
  }

  private async assertPhotos(ids: readonly string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      if (!(await this.media.exists(id)))
        throw new DomainError('PHOTO.NOT_FOUND', `photo ${id} was not uploaded`, { field: `afterPhotoIds.${i}` });
    }
  }
}
