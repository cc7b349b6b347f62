import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Streams } from '../../application/streams';
import { rewardSchedule } from './reward-schedule.view';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';

const scheduledReward = {
  reward: z.enum(['material', 'honour']),
  points: z.number().int(),
  honourName: z.string().nullable(),
};

export const rewardScheduleResponse = z.object({
  timeZone: z.string(),
  today: z.iso.date().describe('Today in city time.'),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      name: z.string(),
      validFrom: z.iso.date().nullable(),
      validUntil: z.iso.date().nullable(),
      now: z.object(scheduledReward),
      phases: z.array(
        z.object({
          ...scheduledReward,
          phaseId: z.string(),
          from: z.iso.date().describe('The first day, in city time.'),
          note: z.string().nullable(),
          status: z.enum(['announced', 'in_force', 'ended']),
        }),
      ),
    }),
  ),
});

@ApiTags('points: rules')
@ApiBearerAuth()
@Controller('api/points/reward-schedule')
export class RewardScheduleHttpController {
  constructor(private readonly streams: Streams) {}

  @Get()
  @ApiOperation({ summary: 'How each rule rewards today and the changes announced ahead, with their first day in city time' })
  @ApiOkFrom(rewardScheduleResponse, 'Each rule as it rewards today, and its announced phases.')
  async schedule(): Promise<AnswerOf<typeof rewardScheduleResponse>> {
    const [policy, state] = await Promise.all([this.streams.policy(), this.streams.rulesState()]);
    return rewardSchedule(Object.values(policy.rules), state.phases, this.streams.now());
  }
}
