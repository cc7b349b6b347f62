import { Controller, Get, Inject, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, commandMetadataFor, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { z } from 'zod';
import { Streams } from '../application/streams';
import { RunLedgerCommand, type LedgerResult } from '../commands/run-stream-command/run-stream-command';
import { ledgerView, notificationsOf, statementOf } from '../queries/ledger.views';
import { updateProfileRequest } from './points.requests';

@ApiTags('points')
@ApiBearerAuth()
@Allow('resident')
@Controller('api/points/me')
export class LedgerHttpController {
  constructor(
    private readonly streams: Streams,
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

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

  @Put('profile')
  @ApiOperation({ summary: 'The name I show on leaderboards (my account name by default) and my community, from my token' })
  async profile(@CurrentPrincipal() principal: Principal, @ZodBody(updateProfileRequest) body: z.output<typeof updateProfileRequest>) {
    const displayName = body.displayName ?? principal.displayName ?? '居民';
    const communityId = principal.scope.communityId ?? null;
    await this.commands.execute<RunLedgerCommand, LedgerResult>(
      new RunLedgerCommand(
        { type: 'UpdateProfile', data: { residentId: principal.subject, displayName, communityId } },
        commandMetadataFor(principal, this.infrastructure.clock.now()),
      ),
    );
    return { displayName, communityId };
  }
}
