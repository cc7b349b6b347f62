import { Module, type DynamicModule } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { dirname, join } from 'node:path';
import { idempotencyStoreFor, SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CaseCommands } from './application/case-commands';
import { CaseReaders } from './application/case-readers';
import { CaseReporters } from './application/case-reporters';
import { DuplicateFinder } from './application/duplicate-finder';
import { GridRegister } from './application/grid-register';
import { PhotoReaders } from './application/photo-readers';
import { AmendBaseRecordHandler } from './commands/amend-base-record/amend-base-record.handler';
import { AmendBaseRecordHttpController } from './commands/amend-base-record/amend-base-record.http.controller';
import { NameCaseFacilityHandler } from './commands/name-case-facility/name-case-facility.handler';
import { NameCaseFacilityHttpController } from './commands/name-case-facility/name-case-facility.http.controller';
import { RegisterBaseRecordHandler } from './commands/register-base-record/register-base-record.handler';
import { RegisterBaseRecordHttpController } from './commands/register-base-record/register-base-record.http.controller';
import { RetireBaseRecordHandler } from './commands/retire-base-record/retire-base-record.handler';
import { RetireBaseRecordHttpController } from './commands/retire-base-record/retire-base-record.http.controller';
import {
  ConfirmResolutionHandler,
  EvaluateCaseHandler,
  FollowCaseHandler,
  ReopenCaseHandler,
  ReporterAnswers,
} from './commands/answer-resolution/answer-resolution.handler';
import { AnswerResolutionHttpController } from './commands/answer-resolution/answer-resolution.http.controller';
import { DispatchCaseHandler, EscalateCaseHandler } from './commands/dispatch-case/dispatch-case.handler';
import { DispatchCaseHttpController } from './commands/dispatch-case/dispatch-case.http.controller';
import { ExecuteCaseCommandHandler } from './commands/execute-case-command';
import { AcknowledgeCaseHandler, ResolveCaseHandler } from './commands/handle-case/handle-case.handler';
import { HandleCaseHttpController } from './commands/handle-case/handle-case.http.controller';
import { ReportCaseHandler } from './commands/report-case/report-case.handler';
import { ReportCaseHttpController } from './commands/report-case/report-case.http.controller';
import { AcceptCaseHandler, MergeCaseHandler, RejectCaseHandler } from './commands/triage-case/triage-case.handler';
import { TriageCaseHttpController } from './commands/triage-case/triage-case.http.controller';
import { MergeDuplicateCaseHandler } from './commands/merge-duplicate-case/merge-duplicate-case.handler';
import { MergeDuplicateCaseHttpController } from './commands/merge-duplicate-case/merge-duplicate-case.http.controller';
import { VoidCaseHandler } from './commands/void-case/void-case.handler';
import { VoidCaseHttpController } from './commands/void-case/void-case.http.controller';
import { UploadPhotoHandler } from './commands/upload-photo/upload-photo.handler';
import { photoUploadLimits, UploadPhotoHttpController } from './commands/upload-photo/upload-photo.http.controller';
import { GridEventsRuntime } from './grid-events.runtime';
import type { GridEventsServiceSettings, GridEventsSettings } from './grid-events.settings';
import { GRID_EVENTS_SETTINGS, MEDIA_STORE, NOTIFICATION_GATEWAY, REFERENCE_DATA } from './grid-events.tokens';
import { gridEventsErrorStatuses } from './http/grid-events-error-statuses';
import { LocalDiskMediaStore } from './media/local-disk-media-store';
import type { MediaStore } from './media/media-store';
import { PostgresMediaStore } from './media/postgres-media-store';
import { IN_APP_ONLY, WebhookNotificationGateway } from './notifications/notification-gateway';
import { Open311HttpController } from './open311/open311.http.controller';
import { Open311Service } from './open311/open311.service';
import { CaseListAnswers } from './queries/cases/case-list-answers';
import { CaseLists } from './queries/cases/case-lists';
import { CaseListChanges } from './read-models/case-list-changes';
import { CasesHttpController } from './queries/cases/cases.http.controller';
import { CatalogueHttpController } from './queries/catalogue/catalogue.http.controller';
import { GridRegisterHttpController } from './queries/grid-register/grid-register.http.controller';
import { MapHttpController } from './queries/map/map.http.controller';
import { NotificationsHttpController } from './queries/notifications/notifications.http.controller';

@Module({})
class GridEventsModule {}

const COMMAND_HANDLERS = [
  ReportCaseHandler,
  AcceptCaseHandler,
  RejectCaseHandler,
  VoidCaseHandler,
  MergeCaseHandler,
  MergeDuplicateCaseHandler,
  DispatchCaseHandler,
  EscalateCaseHandler,
  AcknowledgeCaseHandler,
  ResolveCaseHandler,
  ConfirmResolutionHandler,
  ReopenCaseHandler,
  EvaluateCaseHandler,
  FollowCaseHandler,
  UploadPhotoHandler,
  ExecuteCaseCommandHandler,
  RegisterBaseRecordHandler,
  AmendBaseRecordHandler,
  RetireBaseRecordHandler,
  NameCaseFacilityHandler,
];

/**
 * Where photos live: on PostgreSQL in distributed mode (shared by the replicas) unless a deployment names a
 * folder (GONGZHI_GRID_EVENTS_MEDIA_DIR, a volume every replica mounts); next to the SQLite database embedded.
 */
function mediaStoreOf(infrastructure: ServiceInfrastructure, settings: GridEventsSettings): MediaStore {
  if (!settings.mediaDir && infrastructure.dataSource.options.type === 'postgres') return new PostgresMediaStore(infrastructure.dataSource);
  return new LocalDiskMediaStore(mediaDirOf(infrastructure, settings));
}

function mediaDirOf(infrastructure: ServiceInfrastructure, settings: GridEventsSettings): string {
  if (settings.mediaDir) return settings.mediaDir;
  const database = infrastructure.dataSource.options.database;
  if (typeof database === 'string' && database !== ':memory:') return join(dirname(database), 'media');
  return join(process.cwd(), '.data', 'grid-events', 'media');
}

/** The settings are what the host parsed from the environment (`gridEventsSettingsSchema`). */
export function gridEventsModule(
  infrastructure: ServiceInfrastructure,
  { settings, referenceData: reference }: GridEventsServiceSettings,
): DynamicModule {
  return {
    module: GridEventsModule,
    imports: [MulterModule.register({ limits: photoUploadLimits(settings) })],
    controllers: [
      // The fixed path of duplicates must precede the :caseId routes.
      CasesHttpController,
      CatalogueHttpController,
      MapHttpController,
      ReportCaseHttpController,
      TriageCaseHttpController,
      VoidCaseHttpController,
      MergeDuplicateCaseHttpController,
      DispatchCaseHttpController,
      HandleCaseHttpController,
      AnswerResolutionHttpController,
      UploadPhotoHttpController,
      NotificationsHttpController,
      Open311HttpController,
      GridRegisterHttpController,
      RegisterBaseRecordHttpController,
      AmendBaseRecordHttpController,
      RetireBaseRecordHttpController,
      NameCaseFacilityHttpController,
    ],
    providers: [
      { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
      idempotencyStoreFor(infrastructure),
      gridEventsErrorStatuses,
      { provide: GRID_EVENTS_SETTINGS, useValue: settings },
      { provide: REFERENCE_DATA, useValue: reference },
      { provide: MEDIA_STORE, useValue: mediaStoreOf(infrastructure, settings) },
      {
        provide: NOTIFICATION_GATEWAY,
        useValue: settings.notificationWebhookUrl ? new WebhookNotificationGateway(settings.notificationWebhookUrl) : IN_APP_ONLY,
      },
      CaseCommands,
      GridRegister,
      CaseReporters,
      DuplicateFinder,
      CaseReaders,
      CaseLists,
      CaseListChanges,
      CaseListAnswers,
      PhotoReaders,
      ReporterAnswers,
      ...COMMAND_HANDLERS,
      Open311Service,
      GridEventsRuntime,
    ],
    exports: [GridEventsRuntime, CaseCommands],
  };
}
