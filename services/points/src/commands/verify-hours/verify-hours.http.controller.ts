import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { RejectHours, VerifyHours } from './verify-hours.command';
import type { RejectedHours, VerifiedHours } from './verify-hours.handler';
import { rejectHoursRequest, type RejectHoursRequest } from './verify-hours.request';

@ApiTags('points: time bank')
@ApiBearerAuth()
@Controller('api/points/time-bank')
export class VerifyHoursHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':volunteerId/entries/:entryId/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: "Verify hours (the organiser or recipient named, or an officer of the volunteer's community): they are deposited",
  })
  verify(@CurrentPrincipal() principal: Principal, @Param('volunteerId') residentId: string, @Param('entryId') entryId: string) {
    return this.commands.execute<VerifyHours, VerifiedHours>(new VerifyHours({ principal, residentId, entryId }));
  }

  @Post(':volunteerId/entries/:entryId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline to verify logged hours, with a reason' })
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('volunteerId') residentId: string,
    @Param('entryId') entryId: string,
    @ZodBody(rejectHoursRequest) body: RejectHoursRequest,
  ) {
    return this.commands.execute<RejectHours, RejectedHours>(new RejectHours({ principal, residentId, entryId, reason: body.reason }));
  }
}
