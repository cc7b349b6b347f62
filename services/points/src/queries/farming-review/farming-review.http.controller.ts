import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@gongzhi/identity';
import { DomainError } from '@gongzhi/eventsourcing';
import { Streams } from '../../application/streams';
import { PointsReaders } from '../../application/points-readers';
import { adminStatementOf } from '../my-points/ledger.views';

/** Anti-farming review: bursts of awards flagged for an admin, and a resident's ledger with the sources a reversal names. */
@ApiTags('points: admin')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/points/admin')
export class FarmingReviewHttpController {
  constructor(
    private readonly streams: Streams,
    private readonly readers: PointsReaders,
  ) {}

  @Get('flags')
  @ApiOperation({ summary: 'Bursts of awards waiting for review' })
  flags() {
    return this.readers.openFlags();
  }

  @Get('residents/:residentId/ledger')
  @ApiOperation({
    summary: "A resident's ledger with each entry's source (event id, type, what it was for): what a manual reversal names",
  })
  async ledger(@Param('residentId') residentId: string) {
    const { state, events } = await this.streams.ledgerState(residentId);
    if (events.length === 0)
      throw new DomainError('POINTS.LEDGER_NOT_FOUND', `Resident ${residentId} has no points ledger`, { field: 'residentId' });
    const flags = Object.entries(state.flags).map(([flagId, status]) => ({
      flagId,
      status,
      sourceEventIds: state.flaggedAwards[flagId] ?? [],
    }));
    return { residentId, balance: state.balance, lifetimePoints: state.lifetime, entries: adminStatementOf(events), flags };
  }
}
