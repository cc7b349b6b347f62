import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PointsReaders } from '../../application/points-readers';

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class RewardsHttpController {
  constructor(private readonly readers: PointsReaders) {}

  @Get('rewards')
  @ApiOperation({ summary: 'The rewards catalogue, with prices in points and stock' })
  rewards() {
    return this.readers.rewards();
  }
}
