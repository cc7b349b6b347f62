import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { RegisterBaseRecord } from './register-base-record.command';
import { registerBaseRecordRequest, type RegisterBaseRecordRequest } from './register-base-record.request';

@ApiTags('grid register')
@ApiBearerAuth()
@Controller('api/grids/:gridId/base-records')
export class RegisterBaseRecordHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  // A grid worker on patrol sends from a phone that may lose the signal and send again: one entry, not two.
  @Idempotent()
  @Allow(
    { role: 'grid_worker', scope: 'grid' },
    { role: 'community_officer', scope: 'community' },
    { role: 'street_officer', scope: 'street' },
    'admin',
  )
  @ApiOperation({ summary: "Enter a building, household, public facility or organisation in a grid's register (人、地、事、物、组织)" })
  @ApiZodBody(registerBaseRecordRequest)
  register(
    @CurrentPrincipal() principal: Principal,
    @Param('gridId') gridId: string,
    @ZodBody(registerBaseRecordRequest) details: RegisterBaseRecordRequest,
  ): Promise<{ recordId: string }> {
    return this.commands.execute(new RegisterBaseRecord({ principal, gridId, details }));
  }
}
