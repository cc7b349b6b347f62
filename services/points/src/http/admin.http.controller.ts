import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, commandMetadataFor, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { z } from 'zod';
import { RunLedgerCommand, type LedgerResult } from '../commands/run-stream-command/run-stream-command';
import type { LedgerCommand } from '../domain/ledger/ledger.commands';
import { FlagView } from '../read-models/points-read-models.entities';
import { reversalRequest, reviewFlagRequest } from './points.requests';

/** Anti-farming review: bursts of awards flagged for an admin, and reversal of an award found farmed. */
@ApiTags('points: admin')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/points/admin')
export class AdminHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  private ledger(command: LedgerCommand, principal: Principal) {
    return this.commands.execute<RunLedgerCommand, LedgerResult>(new RunLedgerCommand(command, commandMetadataFor(principal, this.infrastructure.clock.now())));
  }

  @Get('flags')
  @ApiOperation({ summary: 'Bursts of awards waiting for review' })
  flags() {
    return this.infrastructure.dataSource.getRepository(FlagView).find({ where: { status: 'open' }, order: { raisedAt: 'ASC' } });
  }

  @Post('flags/:residentId/:flagId/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear a flag, or confirm it (then reverse the farmed awards)' })
  async review(
    @CurrentPrincipal() principal: Principal,
    @Param('residentId') residentId: string,
    @Param('flagId') flagId: string,
    @ZodBody(reviewFlagRequest) body: z.output<typeof reviewFlagRequest>,
  ) {
    await this.ledger({ type: 'ReviewFlag', data: { residentId, flagId, ...body } }, principal);
    return { residentId, flagId, status: body.outcome };
  }

  @Post('reversals')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reverse one award, by its source event id' })
  async reverse(@CurrentPrincipal() principal: Principal, @ZodBody(reversalRequest) body: z.output<typeof reversalRequest>) {
    const { events, state } = await this.ledger(
      { type: 'ReversePoints', data: { residentId: body.residentId, match: { sourceEventId: body.sourceEventId }, reason: body.reason } },
      principal,
    );
    return { reversed: events.map((e) => e.data), balance: state.balance };
  }
}
