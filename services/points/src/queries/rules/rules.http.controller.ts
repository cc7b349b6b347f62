import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { Streams } from '../../application/streams';
import { RULES_STREAM_ID } from '../../domain/rules/rules.decider';

@ApiTags('points: rules')
@ApiBearerAuth()
@Controller('api/points/rules')
export class RulesHttpController {
  constructor(
    private readonly streams: Streams,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
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
  async changes() {
    const { events } = await this.infrastructure.eventStore.readStream(RULES_STREAM_ID);
    return events.map((e) => ({ at: e.occurredAt, actor: e.actor, ...(e.data as object) })).reverse();
  }
}
