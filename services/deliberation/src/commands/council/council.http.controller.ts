import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { DomainError, fold, toDomainEvent, uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, Public, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { councilDecider, meetingStreamId, publicRecord, type CouncilCommand, type CouncilEvent } from '../../domain/council/council.decider';
import { RunCouncilCommand } from './council.handlers';
import * as requests from './council.requests';

const OFFICERS = ['community_officer', 'street_officer', 'admin'] as const;
type Body<S extends z.ZodType> = z.output<S>;

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/meetings')
export class CouncilHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  private async run(meetingId: string, command: CouncilCommand, principal: Principal) {
    await this.commands.execute(new RunCouncilCommand(meetingId, command, principal));
    return { meetingId };
  }

  @Post()
  @Allow(...OFFICERS)
  @ApiOperation({ summary: 'Call a council meeting (红茶议事会): agenda, moderator; the ground rules 不批评、不指责、不打断 come with it' })
  schedule(@CurrentPrincipal() p: Principal, @ZodBody(requests.scheduleMeetingRequest) body: Body<typeof requests.scheduleMeetingRequest>) {
    const meetingId = uuidv7();
    const agenda = body.agenda.map((title, i) => ({ itemId: `item-${i + 1}`, title }));
    const communityId = body.communityId ?? p.scope.communityId ?? '';
    return this.run(meetingId, { type: 'ScheduleMeeting', data: { meetingId, communityId, topicId: body.topicId, title: body.title, scheduledAt: body.scheduledAt, agenda, moderatorId: body.moderatorId } }, p);
  }

  @Post(':meetingId/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the meeting (the moderator or an officer); its live record starts' })
  start(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal) {
    return this.run(meetingId, { type: 'StartMeeting', data: {} }, p);
  }

  @Post(':meetingId/decisions')
  @ApiOperation({ summary: 'Record a decision of the meeting, with the figures of a show of hands' })
  async decision(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.decisionRequest) body: Body<typeof requests.decisionRequest>) {
    const decisionId = uuidv7();
    await this.run(meetingId, { type: 'RecordDecision', data: { decisionId, ...body } }, p);
    return { meetingId, decisionId };
  }

  @Post(':meetingId/minutes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record (or replace) the minutes (会议纪要)' })
  minutes(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.minutesRequest) body: Body<typeof requests.minutesRequest>) {
    return this.run(meetingId, { type: 'RecordMinutes', data: body }, p);
  }

  @Post(':meetingId/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the meeting; its record stays public' })
  end(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal) {
    return this.run(meetingId, { type: 'EndMeeting', data: {} }, p);
  }

  @Post(':meetingId/agreement')
  @ApiOperation({ summary: 'Draft the agreement: its parties (and who signs for each) and commitments with due dates' })
  async agreement(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.draftAgreementRequest) body: Body<typeof requests.draftAgreementRequest>) {
    const agreementId = uuidv7();
    await this.run(meetingId, { type: 'DraftAgreement', data: { agreementId, ...body } }, p);
    return { meetingId, agreementId };
  }

  @Post(':meetingId/agreement/signatures')
  @ApiOperation({ summary: "Sign the agreement for the party (or parties) I sign for; anyone else is refused (403)" })
  sign(@Param('meetingId') meetingId: string, @CurrentPrincipal() p: Principal) {
    return this.run(meetingId, { type: 'SignAgreement', data: {} }, p);
  }

  @Post(':meetingId/agreement/commitments/:commitmentId/completion')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark a commitment carried out (its party's signatory or an officer)" })
  complete(
    @Param('meetingId') meetingId: string,
    @Param('commitmentId') commitmentId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(requests.completeCommitmentRequest) body: Body<typeof requests.completeCommitmentRequest>,
  ) {
    return this.run(meetingId, { type: 'CompleteCommitment', data: { commitmentId, note: body.note } }, p);
  }

  @Get(':meetingId')
  @Public()
  @ApiOperation({ summary: 'The public record of a meeting: agenda, ground rules, moderator, decisions, minutes, agreement and its commitments (overdue flagged)' })
  async record(@Param('meetingId') meetingId: string) {
    const { events } = await this.infrastructure.eventStore.readStream(meetingStreamId(meetingId));
    const state = fold(councilDecider, events.map((e) => toDomainEvent<CouncilEvent>(e)));
    if (state.status === 'None') throw new DomainError('MEETING.NOT_FOUND', `no meeting ${meetingId}`);
    return publicRecord(state);
  }
}
