import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { ledgerView, notificationsOf, statementOf } from './ledger.views';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';

export const myPointsResponse = z.object({
  residentId: z.string(),
  balance: z.number().int(),
  lifetimePoints: z.number().int(),
  level: z.string(),
  nextLevel: z.object({ name: z.string(), pointsToGo: z.number().int() }).nullable(),
  badges: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const myRedemptionsResponse = z.array(
  z.object({
    redemptionId: z.string(),
    rewardId: z.string(),
    rewardName: z.string(),
    points: z.number().int(),
    status: z.enum(['issued', 'cancelled', 'used']),
  }),
);

/** A resident's own points: only ever the caller's ledger, by the token's subject. */
@ApiTags('points')
@ApiBearerAuth()
@Allow('resident')
@Controller('api/points/me')
export class MyPointsHttpController {
  constructor(private readonly streams: Streams) {}

  @Get()
  @ApiOperation({ summary: 'My points: balance, lifetime points, level, next level, badges and honours' })
  @ApiOkFrom(myPointsResponse, 'Balance, lifetime points, level and badges of the caller.')
  async summary(@CurrentPrincipal() principal: Principal): Promise<AnswerOf<typeof myPointsResponse>> {
    const [state, policy] = await Promise.all([this.streams.currentLedger(principal.subject), this.streams.policy()]);
    return ledgerView(principal.subject, state, policy);
  }

  @Get('ledger')
  @ApiOperation({ summary: 'My ledger: every award, reversal, redemption and refund, newest first' })
  async ledger(@CurrentPrincipal() principal: Principal) {
    return statementOf((await this.streams.ledgerState(principal.subject)).events);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'What I was told: levels reached, badges and honours earned' })
  async notifications(@CurrentPrincipal() principal: Principal) {
    return notificationsOf((await this.streams.ledgerState(principal.subject)).events);
  }

  @Get('redemptions')
  @ApiOperation({ summary: 'My redemptions and their status' })
  @ApiOkFrom(myRedemptionsResponse, 'Every redemption of the caller.')
  async redemptions(@CurrentPrincipal() principal: Principal): Promise<AnswerOf<typeof myRedemptionsResponse>> {
    const state = await this.streams.currentLedger(principal.subject);
    return Object.entries(state.redemptions).map(([redemptionId, r]) => ({ redemptionId, ...r }));
  }
}
