import { Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { WEBHOOKS_RUNTIME } from '../tokens';
import type { WebhooksRuntime } from '../webhooks.runtime';
import { createSubscriptionRequest, replayRequest, type CreateSubscriptionRequest, type ReplayRequest } from './subscription.requests';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
@Allow('admin')
export class WebhookSubscriptionsHttpController {
  constructor(@Inject(WEBHOOKS_RUNTIME) private readonly webhooks: WebhooksRuntime) {}

  @Get('event-types')
  @ApiOperation({ summary: 'The public event types a receiver may subscribe to' })
  eventTypes() {
    return { eventTypes: WEBHOOK_EVENT_TYPES };
  }

  @Post('subscriptions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Subscribe a receiver; the answer holds its signing secret, shown this once' })
  create(@CurrentPrincipal() principal: Principal, @ZodBody(createSubscriptionRequest) body: CreateSubscriptionRequest) {
    return this.webhooks.create(body, principal.subject);
  }

  @Get('subscriptions')
  @ApiOperation({ summary: 'Every subscription, without secrets' })
  async list() {
    return { subscriptions: await this.webhooks.list() };
  }

  @Post('subscriptions/:id/pause')
  @HttpCode(200)
  pause(@Param('id') id: string) {
    return this.webhooks.setStatus(id, 'paused');
  }

  @Post('subscriptions/:id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume sending, the deliveries owed meanwhile first' })
  resume(@Param('id') id: string) {
    return this.webhooks.setStatus(id, 'active');
  }

  @Delete('subscriptions/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get('subscriptions/:id/deliveries')
  @ApiOperation({ summary: 'The latest deliveries with their status, last attempts and next attempt' })
  async deliveries(@Param('id') id: string) {
    return { deliveries: await this.webhooks.deliveries(id) };
  }

  @Post('subscriptions/:id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send again every wanted event from a position of the log (inclusive)' })
  replay(@Param('id') id: string, @ZodBody(replayRequest) body: ReplayRequest) {
    return this.webhooks.replay(id, body);
  }
}
