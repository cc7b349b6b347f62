import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { ProjectCommands } from './application/project-commands';
import { CoBuildingRuntime } from './co-building.runtime';
import { BookSpaceSlotHandler } from './commands/book-space-slot/book-space-slot.handler';
import { BookSpaceSlotHttpController } from './commands/book-space-slot/book-space-slot.http.controller';
import { CancelSpaceBookingHandler } from './commands/cancel-space-booking/cancel-space-booking.handler';
import { CancelSpaceBookingHttpController } from './commands/cancel-space-booking/cancel-space-booking.http.controller';
import {
  ApproveResourceRequestHandler,
  DeclineResourceRequestHandler,
} from './commands/decide-resource-request/decide-resource-request.handler';
import { DecideResourceRequestHttpController } from './commands/decide-resource-request/decide-resource-request.http.controller';
import { GradeOrganisationHandler } from './commands/grade-organisation/grade-organisation.handler';
import { GradeOrganisationHttpController } from './commands/grade-organisation/grade-organisation.http.controller';
import { JoinTeamHandler } from './commands/join-team/join-team.handler';
import { JoinTeamHttpController } from './commands/join-team/join-team.http.controller';
import { ListResourceHandler } from './commands/list-resource/list-resource.handler';
import { ListResourceHttpController } from './commands/list-resource/list-resource.http.controller';
import { PostNeedHandler } from './commands/post-need/post-need.handler';
import { PostNeedHttpController } from './commands/post-need/post-need.http.controller';
import { RecordIncomeHandler } from './commands/record-income/record-income.handler';
import { RecordIncomeHttpController } from './commands/record-income/record-income.http.controller';
import { RegisterOrganisationHandler } from './commands/register-organisation/register-organisation.handler';
import { RegisterOrganisationHttpController } from './commands/register-organisation/register-organisation.http.controller';
import { ReportActivityHandler } from './commands/report-activity/report-activity.handler';
import { ReportActivityHttpController } from './commands/report-activity/report-activity.http.controller';
import { RequestResourceHandler } from './commands/request-resource/request-resource.handler';
import { RequestResourceHttpController } from './commands/request-resource/request-resource.http.controller';
import { SpendFromFundHandler } from './commands/spend-from-fund/spend-from-fund.handler';
import { SpendFromFundHttpController } from './commands/spend-from-fund/spend-from-fund.http.controller';
import { StartProjectHandler } from './commands/start-project/start-project.handler';
import { StartProjectHttpController } from './commands/start-project/start-project.http.controller';
import { ScheduleActivityHandler } from './commands/schedule-activity/schedule-activity.handler';
import { ScheduleActivityHttpController } from './commands/schedule-activity/schedule-activity.http.controller';
import { SignUpForActivityHandler } from './commands/sign-up-for-activity/sign-up-for-activity.handler';
import { SignUpForActivityHttpController } from './commands/sign-up-for-activity/sign-up-for-activity.http.controller';
import { ActivitiesRuntime } from './co-building.activities.runtime';
import { CommunityActivitiesHttpController } from './queries/activities/activities.http.controller';
import { CommunityActivities } from './queries/activities/activities.reader';
import { coBuildingErrorStatuses } from './http/co-building-error-statuses';
import { MyBookingsHttpController } from './queries/my-bookings/my-bookings.http.controller';
import { MyBookings } from './queries/my-bookings/my-bookings.reader';
import { MyTeamHttpController } from './queries/my-team/my-team.http.controller';
import { MyTeam } from './queries/my-team/my-team.reader';
import { PublicListsHttpController } from './queries/public-lists/public-lists.http.controller';
import { PublicLists } from './queries/public-lists/public-lists.reader';
import { CoBuildingSettings } from './settings/co-building-settings';

const COMMAND_HANDLERS = [
  StartProjectHandler,
  JoinTeamHandler,
  RequestResourceHandler,
  ApproveResourceRequestHandler,
  DeclineResourceRequestHandler,
  ReportActivityHandler,
  RecordIncomeHandler,
  ListResourceHandler,
  BookSpaceSlotHandler,
  CancelSpaceBookingHandler,
  PostNeedHandler,
  SpendFromFundHandler,
  RegisterOrganisationHandler,
  GradeOrganisationHandler,
  ScheduleActivityHandler,
  SignUpForActivityHandler,
];

@Module({})
export class CoBuildingModule {
  static register(infrastructure: ServiceInfrastructure, settings: CoBuildingSettings): DynamicModule {
    return {
      module: CoBuildingModule,
      controllers: [
        StartProjectHttpController,
        JoinTeamHttpController,
        RequestResourceHttpController,
        DecideResourceRequestHttpController,
        ReportActivityHttpController,
        RecordIncomeHttpController,
        ListResourceHttpController,
        BookSpaceSlotHttpController,
        CancelSpaceBookingHttpController,
        PostNeedHttpController,
        RegisterOrganisationHttpController,
        GradeOrganisationHttpController,
        SpendFromFundHttpController,
        PublicListsHttpController,
        MyBookingsHttpController,
        MyTeamHttpController,
        ScheduleActivityHttpController,
        SignUpForActivityHttpController,
        CommunityActivitiesHttpController,
      ],
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        { provide: CoBuildingSettings, useValue: settings },
        coBuildingErrorStatuses,
        ProjectCommands,
        PublicLists,
        MyBookings,
        MyTeam,
        ...COMMAND_HANDLERS,
        CoBuildingRuntime,
        CommunityActivities,
        ActivitiesRuntime,
      ],
    };
  }
}
