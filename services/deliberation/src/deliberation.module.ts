import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_STORE, IDENTITY_DATA_SOURCE, READ_ONLY_ACCOUNTS, type ReadOnlyAccounts } from '@gongzhi/identity';
import { DurableScheduler, IdempotencyRecords, SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CONSENT_CODES, ConsentCodes } from './assisted/consent-codes';
import { ProjectedSlipPhotos, SLIP_PHOTOS } from './assisted/staff-photos.projector';
import { BALLOT_BOX, BallotBox } from './ballot-box/ballot-box';
import { BALLOT_SECRET_VARIABLE, type DeliberationSettings } from './ballot-box/ballot-secret';
import { ScheduleMeetingHandler } from './commands/schedule-meeting/schedule-meeting.handler';
import { ScheduleMeetingHttpController } from './commands/schedule-meeting/schedule-meeting.http.controller';
import { StartMeetingHandler } from './commands/start-meeting/start-meeting.handler';
import { StartMeetingHttpController } from './commands/start-meeting/start-meeting.http.controller';
import { RecordDecisionHandler } from './commands/record-decision/record-decision.handler';
import { RecordDecisionHttpController } from './commands/record-decision/record-decision.http.controller';
import { RecordMinutesHandler } from './commands/record-minutes/record-minutes.handler';
import { RecordMinutesHttpController } from './commands/record-minutes/record-minutes.http.controller';
import { EndMeetingHandler } from './commands/end-meeting/end-meeting.handler';
import { EndMeetingHttpController } from './commands/end-meeting/end-meeting.http.controller';
import { DraftAgreementHandler } from './commands/draft-agreement/draft-agreement.handler';
import { DraftAgreementHttpController } from './commands/draft-agreement/draft-agreement.http.controller';
import { SignAgreementHandler } from './commands/sign-agreement/sign-agreement.handler';
import { SignAgreementHttpController } from './commands/sign-agreement/sign-agreement.http.controller';
import { CompleteCommitmentHandler } from './commands/complete-commitment/complete-commitment.handler';
import { CompleteCommitmentHttpController } from './commands/complete-commitment/complete-commitment.http.controller';
import { FlagCommitmentOverdue } from './commands/flag-commitment-overdue/flag-commitment-overdue.command';
import { FlagCommitmentOverdueHandler } from './commands/flag-commitment-overdue/flag-commitment-overdue.handler';
import { MeetingCommands } from './application/meeting-commands';
import { GetMeetingHttpController } from './queries/get-meeting/get-meeting.http.controller';
import { VolunteerForCouncilHandler } from './commands/volunteer-for-council/volunteer-for-council.handler';
import { VolunteerForCouncilHttpController } from './commands/volunteer-for-council/volunteer-for-council.http.controller';
import { RotateCouncilHandler } from './commands/rotate-council/rotate-council.handler';
import { RotateCouncilHttpController } from './commands/rotate-council/rotate-council.http.controller';
import { PostCommentHandler } from './commands/post-comment/post-comment.handler';
import { PostCommentHttpController } from './commands/post-comment/post-comment.http.controller';
import { ReportCommentHandler } from './commands/report-comment/report-comment.handler';
import { ReportCommentHttpController } from './commands/report-comment/report-comment.http.controller';
import { ReviewCommentHandler } from './commands/review-comment/review-comment.handler';
import { ReviewCommentHttpController } from './commands/review-comment/review-comment.http.controller';
import { GetCouncilHttpController } from './queries/get-council/get-council.http.controller';
import { RotationCommands } from './application/rotation-commands';
import { CommentCommands } from './application/comment-commands';
import { CoSignTopicHandler } from './commands/co-sign-topic/co-sign-topic.handler';
import { CoSignTopicHttpController } from './commands/co-sign-topic/co-sign-topic.http.controller';
import { ProposeTopicHandler } from './commands/propose-topic/propose-topic.handler';
import { ProposeTopicHttpController } from './commands/propose-topic/propose-topic.http.controller';
import { ScreenTopicHandler } from './commands/screen-topic/screen-topic.handler';
import { ScreenTopicHttpController } from './commands/screen-topic/screen-topic.http.controller';
import { OpenConsultationHandler } from './commands/open-consultation/open-consultation.handler';
import { OpenConsultationHttpController } from './commands/open-consultation/open-consultation.http.controller';
import { AddStakeholderInputHandler } from './commands/add-stakeholder-input/add-stakeholder-input.handler';
import { AddStakeholderInputHttpController } from './commands/add-stakeholder-input/add-stakeholder-input.http.controller';
import { OpenDiscussionHandler } from './commands/open-discussion/open-discussion.handler';
import { OpenDiscussionHttpController } from './commands/open-discussion/open-discussion.http.controller';
import { RecordAttendanceHandler } from './commands/record-attendance/record-attendance.handler';
import { RecordAttendanceHttpController } from './commands/record-attendance/record-attendance.http.controller';
import { OpenVotingHandler } from './commands/open-voting/open-voting.handler';
import { OpenVotingHttpController } from './commands/open-voting/open-voting.http.controller';
import { CastBallotHandler } from './commands/cast-ballot/cast-ballot.handler';
import { CastBallotHttpController } from './commands/cast-ballot/cast-ballot.http.controller';
import { DecideTopicHandler } from './commands/decide-topic/decide-topic.handler';
import { DecideTopicHttpController } from './commands/decide-topic/decide-topic.http.controller';
import { ReportProgressHandler } from './commands/report-progress/report-progress.handler';
import { ReportProgressHttpController } from './commands/report-progress/report-progress.http.controller';
import { CompleteTopicHandler } from './commands/complete-topic/complete-topic.handler';
import { CompleteTopicHttpController } from './commands/complete-topic/complete-topic.http.controller';
import { EvaluateTopicHandler } from './commands/evaluate-topic/evaluate-topic.handler';
import { EvaluateTopicHttpController } from './commands/evaluate-topic/evaluate-topic.http.controller';
import { TopicCommands } from './application/topic-commands';
import { CloseVoting } from './commands/close-voting/close-voting.command';
import { CloseVotingHandler } from './commands/close-voting/close-voting.handler';
import { OpenBudgetPoolHandler } from './commands/open-budget-pool/open-budget-pool.handler';
import { OpenBudgetPoolHttpController } from './commands/open-budget-pool/open-budget-pool.http.controller';
import { OrderNeedHandler } from './commands/order-need/order-need.handler';
import { OrderNeedHttpController } from './commands/order-need/order-need.http.controller';
import { MatchNeedHandler } from './commands/match-need/match-need.handler';
import { MatchNeedHttpController } from './commands/match-need/match-need.http.controller';
import { OpenBudgetVotingHandler } from './commands/open-budget-voting/open-budget-voting.handler';
import { OpenBudgetVotingHttpController } from './commands/open-budget-voting/open-budget-voting.http.controller';
import { CastBudgetBallotHandler } from './commands/cast-budget-ballot/cast-budget-ballot.handler';
import { CastBudgetBallotHttpController } from './commands/cast-budget-ballot/cast-budget-ballot.http.controller';
import { CloseBudgetVotingHandler } from './commands/close-budget-voting/close-budget-voting.handler';
import { CloseBudgetVotingHttpController } from './commands/close-budget-voting/close-budget-voting.http.controller';
import { ReportProjectProgressHandler } from './commands/report-project-progress/report-project-progress.handler';
import { ReportProjectProgressHttpController } from './commands/report-project-progress/report-project-progress.http.controller';
import { CompleteProjectHandler } from './commands/complete-project/complete-project.handler';
import { CompleteProjectHttpController } from './commands/complete-project/complete-project.http.controller';
import { EvaluateProjectHandler } from './commands/evaluate-project/evaluate-project.handler';
import { EvaluateProjectHttpController } from './commands/evaluate-project/evaluate-project.http.controller';
import { BudgetCommands } from './application/budget-commands';
import { CloseBudgetVoting } from './commands/close-budget-voting/close-budget-voting.command';
import { IssueConsentCodeHandler } from './commands/issue-consent-code/issue-consent-code.handler';
import { IssueConsentCodeHttpController } from './commands/issue-consent-code/issue-consent-code.http.controller';
import { RecordAssistedBallotHandler } from './commands/record-assisted-ballot/record-assisted-ballot.handler';
import { RecordAssistedBallotHttpController } from './commands/record-assisted-ballot/record-assisted-ballot.http.controller';
import { RecordAssistedCommentHandler } from './commands/record-assisted-comment/record-assisted-comment.handler';
import { RecordAssistedCommentHttpController } from './commands/record-assisted-comment/record-assisted-comment.http.controller';
import { WithdrawAssistedBallotHandler } from './commands/withdraw-assisted-ballot/withdraw-assisted-ballot.handler';
import { WithdrawAssistedBallotHttpController } from './commands/withdraw-assisted-ballot/withdraw-assisted-ballot.http.controller';
import { MyAssistedHttpController } from './queries/my-assisted/my-assisted.http.controller';
import { MeetingLiveHttpController } from './queries/meeting-live/meeting-live.http.controller';
import {
  CLOSE_BUDGET_VOTE_TIMER,
  CLOSE_HEAD_ELECTION_TIMER,
  CLOSE_OWNERS_VOTE_TIMER,
  CLOSE_VOTING_TIMER,
  COMMITMENT_DUE_TIMER,
  TOPIC_CO_SIGNERS_REQUIRED,
  VOTING_SCHEDULER,
} from './deliberation.tokens';
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
import { RegisterBuildingHandler } from './commands/register-building/register-building.handler';
import { RegisterBuildingHttpController } from './commands/register-building/register-building.http.controller';
import { RecordHomeHandler } from './commands/record-home/record-home.handler';
import { RecordHomeHttpController } from './commands/record-home/record-home.http.controller';
import { RecordBuildingResidentHandler } from './commands/record-building-resident/record-building-resident.handler';
import { RecordBuildingResidentHttpController } from './commands/record-building-resident/record-building-resident.http.controller';
import { OpenHeadElectionHandler } from './commands/open-head-election/open-head-election.handler';
import { OpenHeadElectionHttpController } from './commands/open-head-election/open-head-election.http.controller';
import { CastHeadBallotHandler } from './commands/cast-head-ballot/cast-head-ballot.handler';
import { CastHeadBallotHttpController } from './commands/cast-head-ballot/cast-head-ballot.http.controller';
import { CloseHeadElectionHandler } from './commands/close-head-election/close-head-election.handler';
import { CloseHeadElectionHttpController } from './commands/close-head-election/close-head-election.http.controller';
import { OpenOwnersVoteHandler } from './commands/open-owners-vote/open-owners-vote.handler';
import { OpenOwnersVoteHttpController } from './commands/open-owners-vote/open-owners-vote.http.controller';
import { CastOwnersBallotHandler } from './commands/cast-owners-ballot/cast-owners-ballot.handler';
import { CastOwnersBallotHttpController } from './commands/cast-owners-ballot/cast-owners-ballot.http.controller';
import { CloseOwnersVoteHandler } from './commands/close-owners-vote/close-owners-vote.handler';
import { CloseOwnersVoteHttpController } from './commands/close-owners-vote/close-owners-vote.http.controller';
import { CloseHeadElection } from './commands/close-head-election/close-head-election.command';
import { CloseOwnersVote } from './commands/close-owners-vote/close-owners-vote.command';
import { BuildingCommands } from './application/building-commands';
import { GetBuildingHttpController } from './queries/get-building/get-building.http.controller';
import { GetOwnersVoteHttpController } from './queries/get-owners-vote/get-owners-vote.http.controller';
import { PRIVILEGE_CONTROLLERS, PRIVILEGE_HANDLERS, PRIVILEGE_PROVIDERS } from './privileges/privileges.wiring';
import { InterestGroupCommands } from './application/interest-group-commands';
import { CreateInterestGroupHandler } from './commands/create-interest-group/create-interest-group.handler';
import { CreateInterestGroupHttpController } from './commands/create-interest-group/create-interest-group.http.controller';
import { JoinInterestGroupHandler } from './commands/join-interest-group/join-interest-group.handler';
import { JoinInterestGroupHttpController } from './commands/join-interest-group/join-interest-group.http.controller';
import { LeaveInterestGroupHandler } from './commands/leave-interest-group/leave-interest-group.handler';
import { LeaveInterestGroupHttpController } from './commands/leave-interest-group/leave-interest-group.http.controller';
import { InterestGroupsHttpController } from './queries/interest-groups/interest-groups.http.controller';
import { InterestGroupsReader } from './queries/interest-groups/interest-groups.reader';

export const COMMAND_HANDLERS = [
  // topics
  ProposeTopicHandler,
  ScreenTopicHandler,
  OpenConsultationHandler,
  AddStakeholderInputHandler,
  OpenDiscussionHandler,
  RecordAttendanceHandler,
  OpenVotingHandler,
  CastBallotHandler,
  DecideTopicHandler,
  ReportProgressHandler,
  CompleteTopicHandler,
  EvaluateTopicHandler,
  CloseVotingHandler,
  CoSignTopicHandler,
  // comments
  PostCommentHandler,
  ReportCommentHandler,
  ReviewCommentHandler,
  // budget pools
  OpenBudgetPoolHandler,
  OrderNeedHandler,
  MatchNeedHandler,
  OpenBudgetVotingHandler,
  CastBudgetBallotHandler,
  CloseBudgetVotingHandler,
  ReportProjectProgressHandler,
  CompleteProjectHandler,
  EvaluateProjectHandler,
  // assisted participation
  IssueConsentCodeHandler,
  RecordAssistedBallotHandler,
  RecordAssistedCommentHandler,
  WithdrawAssistedBallotHandler,
  // council meetings
  ScheduleMeetingHandler,
  StartMeetingHandler,
  RecordDecisionHandler,
  RecordMinutesHandler,
  EndMeetingHandler,
  DraftAgreementHandler,
  SignAgreementHandler,
  CompleteCommitmentHandler,
  FlagCommitmentOverdueHandler,
  // council rotation
  VolunteerForCouncilHandler,
  RotateCouncilHandler,
  // buildings (楼栋自治) and owners' votes
  RegisterBuildingHandler,
  RecordHomeHandler,
  RecordBuildingResidentHandler,
  OpenHeadElectionHandler,
  CastHeadBallotHandler,
  CloseHeadElectionHandler,
  OpenOwnersVoteHandler,
  CastOwnersBallotHandler,
  CloseOwnersVoteHandler,
  // volunteer roles (意见领袖)
  ...PRIVILEGE_HANDLERS,
  // interest groups (兴趣社团)
  CreateInterestGroupHandler,
  JoinInterestGroupHandler,
  LeaveInterestGroupHandler,
];
export const CONTROLLERS = [
  // topics
  ProposeTopicHttpController,
  ScreenTopicHttpController,
  OpenConsultationHttpController,
  AddStakeholderInputHttpController,
  OpenDiscussionHttpController,
  RecordAttendanceHttpController,
  OpenVotingHttpController,
  CastBallotHttpController,
  DecideTopicHttpController,
  ReportProgressHttpController,
  CompleteTopicHttpController,
  EvaluateTopicHttpController,
  CoSignTopicHttpController,
  GetTopicHttpController,
  MyBallotHttpController,
  TopicCommentsHttpController,
  // comments
  PostCommentHttpController,
  ReportCommentHttpController,
  ReviewCommentHttpController,
  // budget pools
  OpenBudgetPoolHttpController,
  OrderNeedHttpController,
  MatchNeedHttpController,
  OpenBudgetVotingHttpController,
  CastBudgetBallotHttpController,
  CloseBudgetVotingHttpController,
  ReportProjectProgressHttpController,
  CompleteProjectHttpController,
  EvaluateProjectHttpController,
  GetBudgetHttpController,
  // assisted participation
  IssueConsentCodeHttpController,
  RecordAssistedBallotHttpController,
  RecordAssistedCommentHttpController,
  MyAssistedHttpController,
  WithdrawAssistedBallotHttpController,
  // council meetings
  ScheduleMeetingHttpController,
  StartMeetingHttpController,
  RecordDecisionHttpController,
  RecordMinutesHttpController,
  EndMeetingHttpController,
  DraftAgreementHttpController,
  SignAgreementHttpController,
  CompleteCommitmentHttpController,
  GetMeetingHttpController,
  // council rotation
  VolunteerForCouncilHttpController,
  RotateCouncilHttpController,
  GetCouncilHttpController,
  // live record and recommendations
  MeetingLiveHttpController,
  RecommendationsHttpController,
  // buildings (楼栋自治) and owners' votes
  RegisterBuildingHttpController,
  RecordHomeHttpController,
  RecordBuildingResidentHttpController,
  OpenHeadElectionHttpController,
  CastHeadBallotHttpController,
  CloseHeadElectionHttpController,
  OpenOwnersVoteHttpController,
  CastOwnersBallotHttpController,
  CloseOwnersVoteHttpController,
  GetBuildingHttpController,
  GetOwnersVoteHttpController,
  // level privileges and volunteer roles (等级权限, 意见领袖)
  ...PRIVILEGE_CONTROLLERS,
  // interest groups (兴趣社团)
  CreateInterestGroupHttpController,
  JoinInterestGroupHttpController,
  LeaveInterestGroupHttpController,
  InterestGroupsHttpController,
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
        { provide: TOPIC_CO_SIGNERS_REQUIRED, useValue: settings.GONGZHI_TOPIC_COSIGNERS ?? 0 },
        deliberationErrorStatuses,
        MyBallot,
        {
          provide: BALLOT_BOX,
          useFactory: () =>
            BallotBox.forService(infrastructure.dataSource, infrastructure.clock, {
              env: { [BALLOT_SECRET_VARIABLE]: settings[BALLOT_SECRET_VARIABLE] },
              dataDir: infrastructure.dataDir,
            }),
        },
        {
          // A ballot's body is its choice: its fingerprint is kept only under the ballot secret.
          provide: IDEMPOTENCY_STORE,
          inject: [BALLOT_BOX],
          useFactory: (box: BallotBox) =>
            new IdempotencyRecords(infrastructure.dataSource, infrastructure.clock, { sealFingerprint: (f) => box.sealFingerprint(f) }),
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
          useFactory: (identity: DataSource | undefined, setAccounts: ReadOnlyAccounts | undefined) =>
            residentRegisterFor(identity, setAccounts),
        },
        {
          provide: VOTING_SCHEDULER,
          inject: [CommandBus],
          useFactory: (commands: CommandBus) =>
            new DurableScheduler({
              dataSource: infrastructure.dataSource,
              clock: infrastructure.clock,
              handlers: {
                [CLOSE_VOTING_TIMER]: (payload) => commands.execute(new CloseVoting({ topicId: (payload as { topicId: string }).topicId })),
                [CLOSE_BUDGET_VOTE_TIMER]: (payload) => {
                  const { communityId, year } = payload as { communityId: string; year: number };
                  return commands.execute(new CloseBudgetVoting({ communityId, year }));
                },
                [CLOSE_HEAD_ELECTION_TIMER]: (payload) => {
                  const { buildingId, electionId } = payload as { buildingId: string; electionId: string };
                  return commands.execute(new CloseHeadElection({ buildingId, electionId }));
                },
                [CLOSE_OWNERS_VOTE_TIMER]: (payload) =>
                  commands.execute(new CloseOwnersVote({ voteId: (payload as { voteId: string }).voteId })),
                [COMMITMENT_DUE_TIMER]: (payload) => {
                  const { meetingId, commitmentId } = payload as { meetingId: string; commitmentId: string };
                  return commands.execute(new FlagCommitmentOverdue({ meetingId, commitmentId }));
                },
              },
            }),
        },
        RecommendationsRuntime,
        MeetingCommands,
        BudgetCommands,
        TopicCommands,
        RotationCommands,
        CommentCommands,
        BuildingCommands,
        ...PRIVILEGE_PROVIDERS,
        InterestGroupCommands,
        InterestGroupsReader,
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
    await this.ballotBox
      .compactIfWritten()
      .catch((error: Error) => this.logger.warn(`the ballot box was not compacted at shutdown: ${error.message}`));
  }
}
