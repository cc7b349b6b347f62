import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import { PointsReaders } from '../../application/points-readers';

export const rewardsResponse = z.array(
  z.object({
    rewardId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    pricePoints: z.number().int(),
    stock: z.number().int(),
  }),
);

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class RewardsHttpController {
  constructor(private readonly readers: PointsReaders) {}

  @Get('rewards')
  @ApiOperation({ summary: 'The rewards catalogue, with prices in points and stock' })
  @ApiOkFrom(rewardsResponse, 'Every reward, cheapest first.')
  rewards(): Promise<AnswerOf<typeof rewardsResponse>> {
    return this.readers.rewards();
  }
}
