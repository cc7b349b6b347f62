import { Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import type { TopicCommand } from '../../domain/topic/topic.commands';
import { CastBallot, type BallotReceipt } from '../cast-ballot/cast-ballot.handler';
import { OpenTopicVoting } from './open-topic-voting.handler';
import { RunTopicCommand } from './run-topic-command.handler';
import * as requests from './topic.requests';

const OFFICERS = ['community_officer', 'street_officer', 'admin'] as const;
type Body<S extends z.ZodType> = z.output<S>;

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class TopicHttpController {
  constructor(private readonly commands: CommandBus) {}

  private async run(topicId: string, command: TopicCommand, principal: Principal) {
    await this.commands.execute(new RunTopicCommand(topicId, command, principal));
    return { topicId };
  }

  @Post()
  @Allow({ role: 'resident', scope: 'community' })
  @ApiOperation({ summary: 'Propose a topic (民事民提), optionally anonymous in public' })
  async propose(@CurrentPrincipal() p: Principal, @ZodBody(requests.proposeTopicRequest) body: Body<typeof requests.proposeTopicRequest>) {
    const topicId = uuidv7();
    const communityId = body.communityId ?? p.scope.communityId!;
    return this.run(topicId, { type: 'ProposeTopic', data: { topicId, communityId, gridId: body.gridId, title: body.title, description: body.description, anonymous: body.anonymous } }, p);
  }

  @Post(':topicId/screening')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: 'Screen a topic: accept, merge into another, or reject with a written reason' })
  screen(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.screenTopicRequest) body: Body<typeof requests.screenTopicRequest>) {
    return this.run(topicId, { type: 'ScreenTopic', data: body }, p);
  }

  @Post(':topicId/consultation')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: "Open consultation: stakeholders' input and a draft plan" })
  consult(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.openConsultationRequest) body: Body<typeof requests.openConsultationRequest>) {
    return this.run(topicId, { type: 'OpenConsultation', data: body }, p);
  }

  @Post(':topicId/stakeholder-inputs')
  @Allow(...OFFICERS)
  @ApiOperation({ summary: "Record a stakeholder's input during consultation" })
  stakeholderInput(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.stakeholderInputRequest) body: Body<typeof requests.stakeholderInputRequest>) {
    return this.run(topicId, { type: 'AddStakeholderInput', data: body }, p);
  }

  @Post(':topicId/discussion')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: 'Open discussion (民事民议), optionally with a meeting' })
  discuss(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.openDiscussionRequest) body: Body<typeof requests.openDiscussionRequest>) {
    return this.run(topicId, { type: 'OpenDiscussion', data: body }, p);
  }

  @Post(':topicId/attendance')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: "Record who attended the topic's meeting" })
  attendance(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.attendanceRequest) body: Body<typeof requests.attendanceRequest>) {
    return this.run(topicId, { type: 'RecordAttendance', data: body }, p);
  }

  @Post(':topicId/voting')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: 'Open voting (民事民决): window of 3–7 days, options, scope, quorum, threshold; the roll is every verified resident of the scope now' })
  openVoting(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.openVotingRequest) body: Body<typeof requests.openVotingRequest>) {
    const { closesAt, eligibility, quorumPercent, passThresholdPercent } = body;
    return this.commands.execute(new OpenTopicVoting(topicId, { closesAt, eligibility, quorumPercent, passThresholdPercent, options: requests.votingOptions(body.options) }, p));
  }

  @Put(':topicId/ballot')
  @Idempotent()
  @Allow('resident')
  @ApiOperation({ summary: 'Cast or change my secret ballot until the close; the answer is a receipt without the choice' })
  castBallot(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.castBallotRequest) body: Body<typeof requests.castBallotRequest>): Promise<BallotReceipt> {
    return this.commands.execute(new CastBallot(topicId, body.optionId, p));
  }

  @Post(':topicId/decision')
  @HttpCode(200)
  @Allow(...OFFICERS)
  @ApiOperation({ summary: 'Publish the result with its reasons' })
  decide(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.decideTopicRequest) body: Body<typeof requests.decideTopicRequest>) {
    return this.run(topicId, { type: 'DecideTopic', data: body }, p);
  }

  @Post(':topicId/progress')
  @Allow('supervisor', 'admin')
  @ApiOperation({ summary: 'Post implementation progress with photos and a percentage' })
  progress(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.progressRequest) body: Body<typeof requests.progressRequest>) {
    return this.run(topicId, { type: 'ReportProgress', data: body }, p);
  }

  @Post(':topicId/completion')
  @HttpCode(200)
  @Allow('supervisor', 'admin')
  @ApiOperation({ summary: 'Mark the decision carried out' })
  complete(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.completeTopicRequest) body: Body<typeof requests.completeTopicRequest>) {
    return this.run(topicId, { type: 'CompleteTopic', data: body }, p);
  }

  @Post(':topicId/evaluations')
  @Allow('resident')
  @ApiOperation({ summary: 'Evaluate a completed topic (1–5)' })
  evaluate(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(requests.evaluateRequest) body: Body<typeof requests.evaluateRequest>) {
    return this.run(topicId, { type: 'EvaluateTopic', data: body }, p);
  }
}
