import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, authorityCovers, CITY_TREE, commandMetadataFor, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { z } from 'zod';
import { Streams } from '../application/streams';
import { RunTimeBankCommand, type TimeBankResult } from '../commands/run-stream-command/run-stream-command';
import type { TimeBankCommand } from '../domain/time-bank/time-bank.commands';
import type { TimeBankLookups } from '../domain/time-bank/time-bank.decider';
import { logHoursRequest, rejectHoursRequest, spendHoursRequest, transferHoursRequest } from './points.requests';

/**
 * Officers verify hours only in their patch (docs/authority.md): a community officer the volunteer's community, a
 * street officer the communities of their street, an admin anywhere. An entry with no community recorded is the
 * named verifier's or an admin's.
 */
const officerCovering = (principal: Principal) => (communityId: string | null) =>
  authorityCovers(principal, communityId === null ? {} : CITY_TREE.placeOfCommunity(communityId), ['community_officer', 'street_officer', 'admin']);

/** 时间银行: hours logged by a volunteer, verified by the organiser or the recipient, then spent or transferred. */
@ApiTags('points: time bank')
@ApiBearerAuth()
@Controller('api/points/time-bank')
export class TimeBankHttpController {
  constructor(
    private readonly streams: Streams,
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  private metadata(principal: Principal) {
    return commandMetadataFor(principal, this.infrastructure.clock.now());
  }

  private timeBank(command: TimeBankCommand, principal: Principal, context: TimeBankLookups = {}) {
    return this.commands.execute<RunTimeBankCommand, TimeBankResult>(new RunTimeBankCommand(command, this.metadata(principal), context));
  }

  private newId() {
    return uuidv7(this.infrastructure.clock.now().getTime());
  }

  @Get('me')
  @Allow('resident')
  @ApiOperation({ summary: 'My hours: the balance and every entry' })
  async mine(@CurrentPrincipal() principal: Principal) {
    const { state } = await this.streams.timeBankState(principal.subject);
    return { balance: state.balance, entries: Object.entries(state.entries).map(([entryId, entry]) => ({ entryId, ...entry })) };
  }

  @Post('entries')
  @Allow('resident')
  @ApiOperation({ summary: 'Log volunteer hours, naming the organiser or recipient who verifies them (at most 24 a day)' })
  async log(@CurrentPrincipal() principal: Principal, @ZodBody(logHoursRequest) body: z.output<typeof logHoursRequest>) {
    const entryId = this.newId();
    await this.timeBank({ type: 'LogHours', data: { residentId: principal.subject, entryId, ...body, communityId: principal.scope.communityId ?? null } }, principal);
    return { entryId, status: 'logged' };
  }

  @Post(':volunteerId/entries/:entryId/verify')
  @HttpCode(200)
  @ApiOperation({ summary: "Verify hours (the organiser or recipient named, or an officer of the volunteer's community): they are deposited" })
  async verify(@CurrentPrincipal() principal: Principal, @Param('volunteerId') residentId: string, @Param('entryId') entryId: string) {
    const { state } = await this.timeBank({ type: 'VerifyHours', data: { residentId, entryId } }, principal, { officerCovers: officerCovering(principal) });
    return { entryId, status: 'deposited', balance: state.balance };
  }

  @Post(':volunteerId/entries/:entryId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline to verify logged hours, with a reason' })
  async reject(
    @CurrentPrincipal() principal: Principal,
    @Param('volunteerId') residentId: string,
    @Param('entryId') entryId: string,
    @ZodBody(rejectHoursRequest) body: z.output<typeof rejectHoursRequest>,
  ) {
    await this.timeBank({ type: 'RejectHours', data: { residentId, entryId, reason: body.reason } }, principal, { officerCovers: officerCovering(principal) });
    return { entryId, status: 'rejected' };
  }

  @Post('spendings')
  @Allow('resident')
  @ApiOperation({ summary: 'Spend banked hours on another volunteer’s service' })
  async spend(@CurrentPrincipal() principal: Principal, @ZodBody(spendHoursRequest) body: z.output<typeof spendHoursRequest>) {
    const spendingId = this.newId();
    const { state } = await this.timeBank({ type: 'SpendHours', data: { residentId: principal.subject, spendingId, ...body } }, principal);
    return { spendingId, balance: state.balance };
  }

  @Post('transfers')
  @Allow('resident')
  @ApiOperation({ summary: 'Transfer hours to another resident (a family member, say); 404 when the resident is unknown' })
  async transfer(@CurrentPrincipal() principal: Principal, @ZodBody(transferHoursRequest) body: z.output<typeof transferHoursRequest>) {
    const transferId = this.newId();
    const recipientKnown = await this.streams.knowsResident(body.toResidentId);
    const { state } = await this.timeBank({ type: 'TransferHours', data: { residentId: principal.subject, transferId, ...body } }, principal, { recipientKnown });
    return { transferId, balance: state.balance };
  }
}
