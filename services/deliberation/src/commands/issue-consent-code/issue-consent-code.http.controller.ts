import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { IssueConsentCode } from './issue-consent-code.command';
import type { IssuedConsentCode } from './issue-consent-code.handler';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class IssueConsentCodeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('consent-codes')
  @Allow('resident')
  @ApiOperation({ summary: 'A one-time consent code (10 minutes) to read out to the grid worker recording for me (入户走访)' })
  consentCode(@CurrentPrincipal() p: Principal): Promise<IssuedConsentCode> {
    return this.commands.execute(new IssueConsentCode({ resident: p }));
  }
}
