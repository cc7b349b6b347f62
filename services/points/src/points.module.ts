import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { POINTS_SETTINGS } from './application/points-settings.token';
import { Streams } from './application/streams';
import { CancelRedemptionHandler } from './commands/cancel-redemption/cancel-redemption.handler';
import { RedeemRewardHandler } from './commands/redeem-reward/redeem-reward.handler';
import {
  RunLedgerCommandHandler,
  RunRewardCommandHandler,
  RunRulesCommandHandler,
  RunTimeBankCommandHandler,
} from './commands/run-stream-command/run-stream-command';
import { UseRedemptionHandler } from './commands/use-redemption/use-redemption.handler';
import type { PointsSettings } from './config/load-points-config';
import { AdminHttpController } from './http/admin.http.controller';
import { LeaderboardHttpController } from './http/leaderboard.http.controller';
import { pointsErrorStatuses } from './http/points-error-statuses';
import { LedgerHttpController } from './http/ledger.http.controller';
import { RewardsHttpController } from './http/rewards.http.controller';
import { RulesHttpController } from './http/rules.http.controller';
import { TimeBankHttpController } from './http/time-bank.http.controller';
import { PointsConsumers } from './points-consumers';
import { PointsTimers } from './timers/points-timers';

const COMMAND_HANDLERS = [RedeemRewardHandler, CancelRedemptionHandler, UseRedemptionHandler, RunLedgerCommandHandler, RunTimeBankCommandHandler, RunRewardCommandHandler, RunRulesCommandHandler];

@Module({})
export class PointsModule {
  /** `settings`: what the host parsed from the environment (`pointsSettingsSchema`). */
  static register(infrastructure: ServiceInfrastructure, settings: PointsSettings): DynamicModule {
    return {
      module: PointsModule,
      controllers: [
        LedgerHttpController,
        RewardsHttpController,
        TimeBankHttpController,
        RulesHttpController,
        AdminHttpController,
        LeaderboardHttpController,
      ],
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        pointsErrorStatuses,
        { provide: POINTS_SETTINGS, useValue: settings },
        Streams,
        PointsTimers,
        PointsConsumers,
        ...COMMAND_HANDLERS,
      ],
      exports: [Streams, PointsTimers],
    };
  }
}
