import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { POINTS_SETTINGS } from './application/points-settings.token';
import { PointsReaders } from './application/points-readers';
import { Streams } from './application/streams';
import { AnnounceRulePhaseHandler } from './commands/announce-rule-phase/announce-rule-phase.handler';
import { AnnounceRulePhaseHttpController } from './commands/announce-rule-phase/announce-rule-phase.http.controller';
import { CancelRedemptionHandler } from './commands/cancel-redemption/cancel-redemption.handler';
import { CancelRedemptionHttpController } from './commands/cancel-redemption/cancel-redemption.http.controller';
import { ChangeRuleHandler } from './commands/change-rule/change-rule.handler';
import { ChangeRuleHttpController } from './commands/change-rule/change-rule.http.controller';
import { ExecuteLedgerCommandHandler } from './commands/execute-ledger-command';
import { ExecuteTimeBankCommandHandler } from './commands/execute-time-bank-command';
import { ListRewardHandler } from './commands/list-reward/list-reward.handler';
import { ListRewardHttpController } from './commands/list-reward/list-reward.http.controller';
import { LogHoursHandler } from './commands/log-hours/log-hours.handler';
import { LogHoursHttpController } from './commands/log-hours/log-hours.http.controller';
import { RedeemRewardHandler } from './commands/redeem-reward/redeem-reward.handler';
import { RedeemRewardHttpController } from './commands/redeem-reward/redeem-reward.http.controller';
import { RestockRewardHandler } from './commands/restock-reward/restock-reward.handler';
import { RestockRewardHttpController } from './commands/restock-reward/restock-reward.http.controller';
import { ReversePointsHandler } from './commands/reverse-points/reverse-points.handler';
import { ReversePointsHttpController } from './commands/reverse-points/reverse-points.http.controller';
import { ReviewFlagHandler } from './commands/review-flag/review-flag.handler';
import { ReviewFlagHttpController } from './commands/review-flag/review-flag.http.controller';
import { SpendHoursHandler } from './commands/spend-hours/spend-hours.handler';
import { SpendHoursHttpController } from './commands/spend-hours/spend-hours.http.controller';
import { TransferHoursHandler } from './commands/transfer-hours/transfer-hours.handler';
import { TransferHoursHttpController } from './commands/transfer-hours/transfer-hours.http.controller';
import { UpdateProfileHandler } from './commands/update-profile/update-profile.handler';
import { UpdateProfileHttpController } from './commands/update-profile/update-profile.http.controller';
import { UseRedemptionHandler } from './commands/use-redemption/use-redemption.handler';
import { UseRedemptionHttpController } from './commands/use-redemption/use-redemption.http.controller';
import { RejectHoursHandler, VerifyHoursHandler } from './commands/verify-hours/verify-hours.handler';
import { VerifyHoursHttpController } from './commands/verify-hours/verify-hours.http.controller';
import type { PointsSettings } from './config/load-points-config';
import { pointsErrorStatuses } from './http/points-error-statuses';
import { PointsConsumers } from './points-consumers';
import { FarmingReviewHttpController } from './queries/farming-review/farming-review.http.controller';
import { LeaderboardHttpController } from './queries/leaderboard/leaderboard.http.controller';
import { MyPointsHttpController } from './queries/my-points/my-points.http.controller';
import { RewardsHttpController } from './queries/rewards/rewards.http.controller';
import { RewardScheduleHttpController } from './queries/reward-schedule/reward-schedule.http.controller';
import { RulesHttpController } from './queries/rules/rules.http.controller';
import { TimeBankHttpController } from './queries/time-bank/time-bank.http.controller';
import { PointsTimers } from './timers/points-timers';
import { OpenContestHandler } from './commands/open-contest/open-contest.handler';
import { OpenContestHttpController } from './commands/open-contest/open-contest.http.controller';
import { SubmitIdeaHandler } from './commands/submit-idea/submit-idea.handler';
import { SubmitIdeaHttpController } from './commands/submit-idea/submit-idea.http.controller';
import { ScoreIdeaHandler } from './commands/score-idea/score-idea.handler';
import { ScoreIdeaHttpController } from './commands/score-idea/score-idea.http.controller';
import { VoteForIdeaHandler } from './commands/vote-for-idea/vote-for-idea.handler';
import { VoteForIdeaHttpController } from './commands/vote-for-idea/vote-for-idea.http.controller';
import { JoinContestTeamHandler } from './commands/join-contest-team/join-contest-team.handler';
import { JoinContestTeamHttpController } from './commands/join-contest-team/join-contest-team.http.controller';
import { RateBuildingCleanlinessHandler } from './commands/rate-building-cleanliness/rate-building-cleanliness.handler';
import { RateBuildingCleanlinessHttpController } from './commands/rate-building-cleanliness/rate-building-cleanliness.http.controller';
import { CloseContestHandler } from './commands/close-contest/close-contest.handler';
import { CloseContestHttpController } from './commands/close-contest/close-contest.http.controller';
import { ExecuteContestCommandHandler } from './commands/execute-contest-command';
import { ContestReaders } from './application/contest-readers';
import { ContestsHttpController } from './queries/contests/contests.http.controller';

const COMMAND_HANDLERS = [
  UpdateProfileHandler,
  ListRewardHandler,
  RestockRewardHandler,
  RedeemRewardHandler,
  CancelRedemptionHandler,
  UseRedemptionHandler,
  ChangeRuleHandler,
  AnnounceRulePhaseHandler,
  ReviewFlagHandler,
  ReversePointsHandler,
  LogHoursHandler,
  VerifyHoursHandler,
  RejectHoursHandler,
  SpendHoursHandler,
  TransferHoursHandler,
  OpenContestHandler,
  SubmitIdeaHandler,
  VoteForIdeaHandler,
  ScoreIdeaHandler,
  JoinContestTeamHandler,
  RateBuildingCleanlinessHandler,
  CloseContestHandler,
  // Policies only: every other command has its own handler above.
  ExecuteLedgerCommandHandler,
  ExecuteTimeBankCommandHandler,
  ExecuteContestCommandHandler,
];

@Module({})
export class PointsModule {
  /** `settings`: what the host parsed from the environment (`pointsSettingsSchema`). */
  static register(infrastructure: ServiceInfrastructure, settings: PointsSettings): DynamicModule {
    return {
      module: PointsModule,
      controllers: [
        MyPointsHttpController,
        UpdateProfileHttpController,
        RewardsHttpController,
        ListRewardHttpController,
        RestockRewardHttpController,
        RedeemRewardHttpController,
        CancelRedemptionHttpController,
        UseRedemptionHttpController,
        TimeBankHttpController,
        LogHoursHttpController,
        VerifyHoursHttpController,
        SpendHoursHttpController,
        TransferHoursHttpController,
        RulesHttpController,
        ChangeRuleHttpController,
        AnnounceRulePhaseHttpController,
        RewardScheduleHttpController,
        FarmingReviewHttpController,
        ReviewFlagHttpController,
        ReversePointsHttpController,
        LeaderboardHttpController,
        ContestsHttpController,
        OpenContestHttpController,
        SubmitIdeaHttpController,
        VoteForIdeaHttpController,
        ScoreIdeaHttpController,
        JoinContestTeamHttpController,
        RateBuildingCleanlinessHttpController,
        CloseContestHttpController,
      ],
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        pointsErrorStatuses,
        { provide: POINTS_SETTINGS, useValue: settings },
        Streams,
        PointsReaders,
        ContestReaders,
        PointsTimers,
        PointsConsumers,
        ...COMMAND_HANDLERS,
      ],
      exports: [Streams, PointsTimers],
    };
  }
}
