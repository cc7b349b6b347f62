import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Streams } from '../../application/streams';
import { rewardSchedule } from './reward-schedule.view';

@ApiTags('points: rules')
@ApiBearerAuth()
@Controller('api/points/reward-schedule')
export class RewardScheduleHttpController {
  constructor(private readonly streams: Streams) {}

  @Get()
  @ApiOperation({ summary: 'How each rule rewards today and the changes announced ahead, with their first day in city time' })
  async schedule() {
    const [policy, state] = await Promise.all([this.streams.policy(), this.streams.rulesState()]);
    return rewardSchedule(Object.values(policy.rules), state.phases, this.streams.now());
  }
}
