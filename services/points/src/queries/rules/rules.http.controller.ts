import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { PointsReaders } from '../../application/points-readers';

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
  async rules() {
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
