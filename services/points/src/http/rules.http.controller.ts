import { Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ownValue } from '@gongzhi/contracts';
import { Allow, commandMetadataFor, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { z } from 'zod';
import { Streams } from '../application/streams';
import { RunRulesCommand, type RulesResult } from '../commands/run-stream-command/run-stream-command';
import { RULES_STREAM_ID } from '../domain/rules/rules.decider';
import { changeRuleRequest } from './points.requests';

@ApiTags('points: rules')
@ApiBearerAuth()
@Controller('api/points/rules')
export class RulesHttpController {
  constructor(
    private readonly streams: Streams,
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The point rules in force, with their daily caps, levels, badges and honours' })
  async rules() {
    const policy = await this.streams.policy();
    return { ...policy, rules: Object.values(policy.rules) };
  }

  @Put(':ruleId')
  @Allow('admin')
  @ApiOperation({ summary: 'Change a rule’s points, daily cap or whether it is on (recorded with who changed what)' })
  async change(@CurrentPrincipal() principal: Principal, @Param('ruleId') ruleId: string, @ZodBody(changeRuleRequest) body: z.output<typeof changeRuleRequest>) {
    await this.commands.execute<RunRulesCommand, RulesResult>(
      new RunRulesCommand(
        { type: 'ChangeRule', data: { ruleId, changedBy: principal.subject, ...body } },
        commandMetadataFor(principal, this.infrastructure.clock.now()),
      ),
    );
    return ownValue((await this.streams.policy()).rules, ruleId);
  }

  @Get('changes')
  @Allow('admin')
  @ApiOperation({ summary: 'Every change of the rules: when, who, before and after' })
  async changes() {
    const { events } = await this.infrastructure.eventStore.readStream(RULES_STREAM_ID);
    return events.map((e) => ({ at: e.occurredAt, actor: e.actor, ...(e.data as object) })).reverse();
  }
}
