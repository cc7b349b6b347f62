import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { IDENTITY_DATA_SOURCE, READ_ONLY_ACCOUNTS, type ReadOnlyAccounts } from '@gongzhi/identity';
import { DurableScheduler, SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CONSENT_CODES, ConsentCodes } from './assisted/consent-codes';
import { ProjectedSlipPhotos, SLIP_PHOTOS } from './assisted/staff-photos.projector';
import { BALLOT_BOX, BallotBox } from './ballot-box/ballot-box';
import type { DeliberationSettings } from './ballot-box/ballot-secret';
import { AssistedHttpController } from './commands/assisted/assisted.http.controller';
import { RecordAssistedBallotHandler, RecordAssistedCommentHandler, WithdrawAssistedBallotHandler } from './commands/assisted/assisted.handlers';
import { CouncilHttpController } from './commands/council/council.http.controller';
import { RunRotationCommandHandler } from './commands/rotation/rotation.handler';
import { RotationHttpController } from './commands/rotation/rotation.http.controller';
import { COMMITMENT_DUE_TIMER, FlagCommitmentOverdue, FlagCommitmentOverdueHandler, RunCouncilCommandHandler } from './commands/council/council.handlers';
import { MeetingLiveHttpController } from './live/meeting-live.http.controller';
import { CastBallotHandler } from './commands/cast-ballot/cast-ballot.handler';
import { RunCommentCommandHandler } from './commands/comment/run-comment-command.handler';
import { CommentHttpController } from './commands/comment/comment.http.controller';
import { CloseVoting, CloseVotingHandler } from './commands/close-voting/close-voting.handler';
import { BudgetHttpController } from './commands/budget/budget.http.controller';
import { CastBudgetBallotHandler } from './commands/budget/cast-budget-ballot.handler';
import { CloseBudgetVoting, CloseBudgetVotingHandler } from './commands/budget/close-budget-voting.handler';
import { RunBudgetCommandHandler } from './commands/budget/run-budget-command.handler';
import { CLOSE_BUDGET_VOTE_TIMER, CLOSE_VOTING_TIMER, VOTING_SCHEDULER } from './commands/deliberation-tokens';
import { OpenTopicVotingHandler } from './commands/topic/open-topic-voting.handler';
import { RunTopicCommandHandler } from './commands/topic/run-topic-command.handler';
import { TopicHttpController } from './commands/topic/topic.http.controller';
import { deliberationErrorStatuses } from './http/deliberation-error-statuses';
import { GetBudgetHttpController } from './queries/budget/get-budget.http.controller';
import { GetTopicHttpController } from './queries/get-topic/get-topic.http.controller';
import { MyBallotHttpController } from './queries/my-ballot/my-ballot.http.controller';
import { MyBallot } from './queries/my-ballot/my-ballot.reader';
import { TopicCommentsHttpController } from './queries/comments/topic-comments.http.controller';
import { RecommendationsHttpController } from './recommendations/recommendations.http.controller';
import { RecommendationsRuntime } from './recommendations/recommendations.runtime';
import { residentRegisterFor } from './roll/identity-accounts-register';
import { RESIDENT_REGISTER } from './roll/resident-register';

export const COMMAND_HANDLERS = [
  RunTopicCommandHandler,
  OpenTopicVotingHandler,
  CastBallotHandler,
  CloseVotingHandler,
  RunCommentCommandHandler,
  RunBudgetCommandHandler,
  CastBudgetBallotHandler,
  CloseBudgetVotingHandler,
  RecordAssistedBallotHandler,
  WithdrawAssistedBallotHandler,
  RecordAssistedCommentHandler,
  RunCouncilCommandHandler,
  RunRotationCommandHandler,
  FlagCommitmentOverdueHandler,
];
export const CONTROLLERS = [
  TopicHttpController,
  GetTopicHttpController,
  MyBallotHttpController,
  TopicCommentsHttpController,
  CommentHttpController,
  BudgetHttpController,
  GetBudgetHttpController,
  AssistedHttpController,
  CouncilHttpController,
  RotationHttpController,
  MeetingLiveHttpController,
  RecommendationsHttpController,
];

@Module({})
export class DeliberationModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('deliberation');

  constructor(
    @Inject(VOTING_SCHEDULER) private readonly scheduler: DurableScheduler,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  static forInfrastructure(infrastructure: ServiceInfrastructure, settings: DeliberationSettings): DynamicModule {
    return {
      module: DeliberationModule,
      controllers: CONTROLLERS,
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        deliberationErrorStatuses,
        MyBallot,
        {
          provide: BALLOT_BOX,
          useFactory: () => BallotBox.forService(infrastructure.dataSource, infrastructure.clock, { env: settings, dataDir: infrastructure.dataDir }),
        },
        { provide: CONSENT_CODES, useFactory: () => ConsentCodes.open(infrastructure.dataSource, infrastructure.clock) },
        { provide: SLIP_PHOTOS, useValue: new ProjectedSlipPhotos(infrastructure.dataSource) },
        // The issuer's accounts are the register: the host's own (embedded), the set's read-only (distributed), else none.
        {
          provide: RESIDENT_REGISTER,
          inject: [
            { token: IDENTITY_DATA_SOURCE, optional: true },
            { token: READ_ONLY_ACCOUNTS, optional: true },
          ],
          useFactory: (identity: DataSource | undefined, setAccounts: ReadOnlyAccounts | undefined) => residentRegisterFor(identity, setAccounts),
        },
        {
          provide: VOTING_SCHEDULER,
          inject: [CommandBus],
          useFactory: (commands: CommandBus) =>
            new DurableScheduler({
              dataSource: infrastructure.dataSource,
              clock: infrastructure.clock,
              handlers: {
                [CLOSE_VOTING_TIMER]: (payload) => commands.execute(new CloseVoting((payload as { topicId: string }).topicId)),
                [CLOSE_BUDGET_VOTE_TIMER]: (payload) => {
                  const { communityId, year } = payload as { communityId: string; year: number };
                  return commands.execute(new CloseBudgetVoting(communityId, year));
                },
                [COMMITMENT_DUE_TIMER]: (payload) => {
                  const { meetingId, commitmentId } = payload as { meetingId: string; commitmentId: string };
                  return commands.execute(new FlagCommitmentOverdue(meetingId, commitmentId));
                },
              },
            }),
        },
        RecommendationsRuntime,
        ...COMMAND_HANDLERS,
      ],
      exports: [VOTING_SCHEDULER],
    };
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
    this.logger.log('voting deadlines are being watched');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
    // The file left at rest keeps no trace of the order ballots arrived in; a failure here loses nothing.
    await this.ballotBox.compactIfWritten().catch((error: Error) => this.logger.warn(`the ballot box was not compacted at shutdown: ${error.message}`));
  }
}
