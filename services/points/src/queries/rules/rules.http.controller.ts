import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { PointsReaders } from '../../application/points-readers';
import { PointRulePhaseAnnounced } from '@gongzhi/contracts';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import { badgeSchema, honourSchema, levelSchema, pointRuleSchema } from '../../config/points-config.schema';

export const pointsRulesResponse = z.object({
  rules: z.array(pointRuleSchema),
  levels: z.array(levelSchema),
  badges: z.array(badgeSchema),
  honours: z.array(honourSchema),
  burst: z.object({ maxAwards: z.number().int(), windowMinutes: z.number().int() }),
  phases: z.array(PointRulePhaseAnnounced.schema).optional(),
  rulesVersion: z.number().int().optional(),
});

@ApiTags('points: rules')
@ApiBearerAuth()
@Controller('api/points/rules')
export class RulesHttpController {
  constructor(
    private readonly streams: Streams,
    private readonly readers: PointsReaders,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The point rules in force, with their daily caps, levels, badges and honours' })
  @ApiOkFrom(pointsRulesResponse, 'The rules, levels (with what each unlocks), badges and honours in force.')
  async rules(): Promise<AnswerOf<typeof pointsRulesResponse>> {
    const policy = await this.streams.policy();
    return { ...policy, rules: Object.values(policy.rules) };
  }

  @Get('changes')
  @Allow('admin')
  @ApiOperation({ summary: 'Every change of the rules: when, who, before and after' })
  changes() {
    return this.readers.ruleChanges();
  }
}
