import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { AnnounceRulePhase } from './announce-rule-phase.command';
import { announceRulePhaseRequest, type AnnounceRulePhaseRequest } from './announce-rule-phase.request';

@ApiTags('points: rules')
@ApiBearerAuth()
@Controller('api/points/rules')
export class AnnounceRulePhaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':ruleId/phases')
  @Allow('admin')
  @ApiOperation({ summary: 'Announce ahead how a rule rewards from a day on: points, or an honour mention (逐步淡化物质激励)' })
  announce(
    @CurrentPrincipal() principal: Principal,
    @Param('ruleId') ruleId: string,
    @ZodBody(announceRulePhaseRequest) body: AnnounceRulePhaseRequest,
  ) {
    return this.commands.execute(new AnnounceRulePhase({ principal, ruleId, phase: body }));
  }
}
