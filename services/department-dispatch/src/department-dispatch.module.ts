import { Module, type DynamicModule } from '@nestjs/common';
import { idempotencyStoreFor, SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { AssignmentCommands } from './application/assignment-commands';
import { CommunityTaskCommands } from './application/community-task-commands';
import { EvaluationCommands } from './application/evaluation-commands';
import { WhistleCommands } from './application/whistle-commands';
import { AcknowledgeAssignmentHandler } from './commands/acknowledge-assignment/acknowledge-assignment.handler';
import { AcknowledgeAssignmentHttpController } from './commands/acknowledge-assignment/acknowledge-assignment.http.controller';
import { BlowWhistleHandler } from './commands/blow-whistle/blow-whistle.handler';
import { BlowWhistleHttpController } from './commands/blow-whistle/blow-whistle.http.controller';
import { CheckInToWhistleHandler } from './commands/check-in-to-whistle/check-in-to-whistle.handler';
import { CheckInToWhistleHttpController } from './commands/check-in-to-whistle/check-in-to-whistle.http.controller';
import { CompleteCommunityTaskHandler } from './commands/complete-community-task/complete-community-task.handler';
import { CompleteCommunityTaskHttpController } from './commands/complete-community-task/complete-community-task.http.controller';
import { CompleteAssignmentHandler } from './commands/complete-assignment/complete-assignment.handler';
import { CompleteAssignmentHttpController } from './commands/complete-assignment/complete-assignment.http.controller';
import { CompleteWhistleTaskHandler } from './commands/complete-whistle-task/complete-whistle-task.handler';
import { CompleteWhistleTaskHttpController } from './commands/complete-whistle-task/complete-whistle-task.http.controller';
import { DeclineAssignmentHandler } from './commands/decline-assignment/decline-assignment.handler';
import { DeclineAssignmentHttpController } from './commands/decline-assignment/decline-assignment.http.controller';
import { EvaluateDepartmentHandler } from './commands/evaluate-department/evaluate-department.handler';
import { EvaluateDepartmentHttpController } from './commands/evaluate-department/evaluate-department.http.controller';
import { ExecuteAssignmentCommandHandler } from './commands/execute-assignment-command';
import { ExecuteEarlyWarningCommandHandler } from './commands/execute-early-warning-command';
import { ExecuteWhistleCommandHandler } from './commands/execute-whistle-command';
import { GrantEvaluatorAccessHandler } from './commands/grant-evaluator-access/grant-evaluator-access.handler';
import { GrantEvaluatorAccessHttpController } from './commands/grant-evaluator-access/grant-evaluator-access.http.controller';
import { PublishEvaluationReportHandler } from './commands/publish-evaluation-report/publish-evaluation-report.handler';
import { PublishEvaluationReportHttpController } from './commands/publish-evaluation-report/publish-evaluation-report.http.controller';
import { PushCommunityTaskHandler } from './commands/push-community-task/push-community-task.handler';
import { PushCommunityTaskHttpController } from './commands/push-community-task/push-community-task.http.controller';
import { ReportAssignmentProgressHandler } from './commands/report-assignment-progress/report-assignment-progress.handler';
import { ReportAssignmentProgressHttpController } from './commands/report-assignment-progress/report-assignment-progress.http.controller';
import { RequestReassignmentHandler } from './commands/request-reassignment/request-reassignment.handler';
import { RequestReassignmentHttpController } from './commands/request-reassignment/request-reassignment.http.controller';
import { DepartmentDispatchRuntime } from './department-dispatch.runtime';
import { departmentDispatchErrorStatuses } from './http/department-dispatch-error-statuses';
import { CommunityTasksHttpController } from './queries/community-tasks/community-tasks.http.controller';
import { EarlyWarningsHttpController } from './queries/early-warnings/early-warnings.http.controller';
import { DepartmentsHttpController } from './queries/departments/departments.http.controller';
import { ScoreboardHttpController } from './queries/scoreboard/scoreboard.http.controller';
import { WorkQueriesHttpController } from './queries/work/work-queries.http.controller';
import { DepartmentRegistry } from './registry/department-registry';

const COMMAND_HANDLERS = [
  AcknowledgeAssignmentHandler,
  ReportAssignmentProgressHandler,
  CompleteAssignmentHandler,
  DeclineAssignmentHandler,
  RequestReassignmentHandler,
  BlowWhistleHandler,
  CheckInToWhistleHandler,
  CompleteWhistleTaskHandler,
  EvaluateDepartmentHandler,
  PushCommunityTaskHandler,
  CompleteCommunityTaskHandler,
  GrantEvaluatorAccessHandler,
  PublishEvaluationReportHandler,
  // Policies and timers only: the platform acting, no person.
  ExecuteAssignmentCommandHandler,
  ExecuteWhistleCommandHandler,
  ExecuteEarlyWarningCommandHandler,
];

@Module({})
export class DepartmentDispatchModule {
  static register(infrastructure: ServiceInfrastructure, registry: DepartmentRegistry): DynamicModule {
    return {
      module: DepartmentDispatchModule,
      controllers: [
        DepartmentsHttpController,
        AcknowledgeAssignmentHttpController,
        ReportAssignmentProgressHttpController,
        CompleteAssignmentHttpController,
        DeclineAssignmentHttpController,
        RequestReassignmentHttpController,
        BlowWhistleHttpController,
        CheckInToWhistleHttpController,
        CompleteWhistleTaskHttpController,
        EvaluateDepartmentHttpController,
        PushCommunityTaskHttpController,
        CompleteCommunityTaskHttpController,
        GrantEvaluatorAccessHttpController,
        PublishEvaluationReportHttpController,
        WorkQueriesHttpController,
        CommunityTasksHttpController,
        EarlyWarningsHttpController,
        ScoreboardHttpController,
      ],
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        idempotencyStoreFor(infrastructure),
        departmentDispatchErrorStatuses,
        { provide: DepartmentRegistry, useValue: registry },
        AssignmentCommands,
        WhistleCommands,
        CommunityTaskCommands,
        EvaluationCommands,
        ...COMMAND_HANDLERS,
        DepartmentDispatchRuntime,
      ],
      exports: [DepartmentDispatchRuntime],
    };
  }
}
