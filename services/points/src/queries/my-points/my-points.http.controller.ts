import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { ledgerView, notificationsOf, statementOf } from './ledger.views';

/** A resident's own points: only ever the caller's ledger, by the token's subject. */
@ApiTags('points')
@ApiBearerAuth()
@Allow('resident')
@Controller('api/points/me')
export class MyPointsHttpController {
  constructor(private readonly streams: Streams) {}

  @Get()
  @ApiOperation({ summary: 'My points: balance, lifetime points, level, next level, badges and honours' })
  async summary(@CurrentPrincipal() principal: Principal) {
    const [{ state }, policy] = await Promise.all([this.streams.ledgerState(principal.subject), this.streams.policy()]);
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
  async redemptions(@CurrentPrincipal() principal: Principal) {
    const { state } = await this.streams.ledgerState(principal.subject);
    return Object.entries(state.redemptions).map(([redemptionId, r]) => ({ redemptionId, ...r }));
  }
}
