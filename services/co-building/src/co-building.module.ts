import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CoBuildingRuntime } from './co-building.runtime';
import {
  BookSpaceSlotCommandHandler,
  CancelSpaceBookingCommandHandler,
  ExecuteNeedCommandHandler,
  ExecuteOrganisationCommandHandler,
  ExecuteProjectCommandHandler,
  ExecuteResourceCommandHandler,
  SpendFromCommunityFundCommandHandler,
} from './commands/execute-commands';
import { FundHttpController } from './commands/fund/fund.http.controller';
import { OrganisationsHttpController } from './commands/organisations/organisations.http.controller';
import { ProjectsHttpController } from './commands/projects/projects.http.controller';
import { ResourcesHttpController } from './commands/resources/resources.http.controller';
import { coBuildingErrorStatuses } from './http/co-building-error-statuses';
import { ListsHttpController } from './queries/lists.http.controller';
import { MyBookingsHttpController } from './queries/my-bookings.http.controller';
import { CoBuildingSettings } from './settings/co-building-settings';

@Module({})
export class CoBuildingModule {
  static register(infrastructure: ServiceInfrastructure, settings: CoBuildingSettings): DynamicModule {
    return {
      module: CoBuildingModule,
      controllers: [
        ProjectsHttpController,
        ResourcesHttpController,
        OrganisationsHttpController,
        FundHttpController,
        ListsHttpController,
        MyBookingsHttpController,
      ],
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        { provide: CoBuildingSettings, useValue: settings },
        coBuildingErrorStatuses,
        ExecuteProjectCommandHandler,
        ExecuteResourceCommandHandler,
        BookSpaceSlotCommandHandler,
        CancelSpaceBookingCommandHandler,
        SpendFromCommunityFundCommandHandler,
        ExecuteNeedCommandHandler,
        ExecuteOrganisationCommandHandler,
        CoBuildingRuntime,
      ],
    };
  }
}
