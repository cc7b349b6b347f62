import { Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ChangeRule } from './change-rule.command';
import { changeRuleRequest, type ChangeRuleRequest } from './change-rule.request';

@ApiTags('points: rules')
@ApiBearerAuth()
@Controller('api/points/rules')
export class ChangeRuleHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':ruleId')
  @Allow('admin')
  @ApiOperation({ summary: 'Change a rule’s points, daily cap or whether it is on (recorded with who changed what)' })
  change(@CurrentPrincipal() principal: Principal, @Param('ruleId') ruleId: string, @ZodBody(changeRuleRequest) body: ChangeRuleRequest) {
    return this.commands.execute(new ChangeRule({ principal, ruleId, change: body }));
  }
}
