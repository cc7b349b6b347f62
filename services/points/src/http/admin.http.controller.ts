import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, commandMetadataFor, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { DomainError } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { z } from 'zod';
import { Streams } from '../application/streams';
import { RunLedgerCommand, type LedgerResult } from '../commands/run-stream-command/run-stream-command';
import type { LedgerCommand } from '../domain/ledger/ledger.commands';
import { adminStatementOf } from '../queries/ledger.views';
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
    private readonly streams: Streams,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  private run(command: LedgerCommand, principal: Principal) {
    return this.commands.execute<RunLedgerCommand, LedgerResult>(new RunLedgerCommand(command, commandMetadataFor(principal, this.infrastructure.clock.now())));
  }

  @Get('flags')
  @ApiOperation({ summary: 'Bursts of awards waiting for review' })
  flags() {
    return this.infrastructure.dataSource.getRepository(FlagView).find({ where: { status: 'open' }, order: { raisedAt: 'ASC' } });
  }

  @Get('residents/:residentId/ledger')
  @ApiOperation({
    summary: "A resident's ledger with each entry's source (event id, type, what it was for): what a manual reversal names",
  })
  async ledger(@Param('residentId') residentId: string) {
    const { state, events } = await this.streams.ledgerState(residentId);
    if (events.length === 0) throw new DomainError('POINTS.LEDGER_NOT_FOUND', `Resident ${residentId} has no points ledger`, { field: 'residentId' });
    const flags = Object.entries(state.flags).map(([flagId, status]) => ({ flagId, status, sourceEventIds: state.flaggedAwards[flagId] ?? [] }));
    return { residentId, balance: state.balance, lifetimePoints: state.lifetime, entries: adminStatementOf(events), flags };
  }

  @Post('flags/:residentId/:flagId/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear a flag, or confirm it: every award the flag names is reversed with the review' })
  async review(
    @CurrentPrincipal() principal: Principal,
    @Param('residentId') residentId: string,
    @Param('flagId') flagId: string,
    @ZodBody(reviewFlagRequest) body: z.output<typeof reviewFlagRequest>,
  ) {
    const { events, state } = await this.run({ type: 'ReviewFlag', data: { residentId, flagId, ...body } }, principal);
    const reversed = events.flatMap((e) => (e.type === 'PointsReversed' ? [e.data] : []));
    return { residentId, flagId, status: body.outcome, reversed, balance: state.balance };
  }

  @Post('reversals')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reverse one award, by its source event id' })
  async reverse(@CurrentPrincipal() principal: Principal, @ZodBody(reversalRequest) body: z.output<typeof reversalRequest>) {
    const { events, state } = await this.run(
      { type: 'ReversePoints', data: { residentId: body.residentId, match: { sourceEventId: body.sourceEventId }, reason: body.reason } },
      principal,
    );
    return { reversed: events.map((e) => e.data), balance: state.balance };
  }
}
