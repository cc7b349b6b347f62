import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { RewardView } from '../../read-models/points-read-models.entities';

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class RewardsHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get('rewards')
  @ApiOperation({ summary: 'The rewards catalogue, with prices in points and stock' })
  rewards() {
    return this.infrastructure.dataSource.getRepository(RewardView).find({ order: { pricePoints: 'ASC' } });
  }
}
