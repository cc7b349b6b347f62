import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CoBuildingRuntime } from './co-building.runtime';
import {
  BookSpaceSlotCommandHandler,
  ExecuteNeedCommandHandler,
  ExecuteOrganisationCommandHandler,
  ExecuteProjectCommandHandler,
  ExecuteResourceCommandHandler,
} from './commands/execute-commands';
import { OrganisationsHttpController } from './commands/organisations/organisations.http.controller';
import { ProjectsHttpController } from './commands/projects/projects.http.controller';
import { ResourcesHttpController } from './commands/resources/resources.http.controller';
import { coBuildingErrorStatuses } from './http/co-building-error-statuses';
import { ListsHttpController } from './queries/lists.http.controller';
import { CoBuildingSettings } from './settings/co-building-settings';

@Module({})
export class CoBuildingModule {
  static register(infrastructure: ServiceInfrastructure, settings: CoBuildingSettings = CoBuildingSettings.fromEnvironment()): DynamicModule {
    return {
      module: CoBuildingModule,
      controllers: [ProjectsHttpController, ResourcesHttpController, OrganisationsHttpController, ListsHttpController],
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        { provide: CoBuildingSettings, useValue: settings },
        coBuildingErrorStatuses,
        ExecuteProjectCommandHandler,
        ExecuteResourceCommandHandler,
        BookSpaceSlotCommandHandler,
        ExecuteNeedCommandHandler,
        ExecuteOrganisationCommandHandler,
        CoBuildingRuntime,
      ],
    };
  }
}
