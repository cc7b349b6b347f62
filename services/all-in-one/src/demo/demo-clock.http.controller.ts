import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError } from '@gongzhi/eventsourcing';
import { Allow, ZodBody } from '@gongzhi/identity';
import { ApiOkFrom } from '@gongzhi/platform';
import type { DemoTimeline } from './demo-timeline';
import type { MovableClock } from './demo-clock';

export const DEMO_CLOCK = Symbol('DEMO_CLOCK');
export const DEMO_TIMELINE = Symbol('DEMO_TIMELINE');

/** At most a year at a time: enough to watch any deadline pass, not enough to lose the city by a typo. */
const MAX_HOURS = 24 * 366;

export const advanceDemoClockRequest = z
  .object({
    hours: z.number().positive().max(MAX_HOURS).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((body) => (body.hours === undefined) !== (body.to === undefined), {
    message: 'give either hours (how far to move) or to (an ISO instant to move to), not both',
    path: ['hours'],
  });
type AdvanceDemoClockRequest = z.output<typeof advanceDemoClockRequest>;

/** `GET /api/demo/clock`: the platform time the demo city runs on. */
export const demoClockAnswer = z.object({ now: z.iso.datetime() });

/** `POST /api/demo/clock/advance`: where the clock was, where it is now, how many due timers fired on the way. */
export const demoClockAdvancedAnswer = z.object({
  from: z.iso.datetime(),
  now: z.iso.datetime(),
  timersFired: z.number().int().nonnegative(),
});

/** The demo clock (demo mode only): an admin moves the platform's time forward and every due timer fires, in order. */
@ApiTags('demo')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/demo/clock')
export class DemoClockHttpController {
  constructor(
    @Inject(DEMO_CLOCK) private readonly clock: MovableClock,
    @Inject(DEMO_TIMELINE) private readonly timeline: DemoTimeline,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The platform time the demo city runs on' })
  @ApiOkFrom(demoClockAnswer, 'An ISO instant.')
  now(): z.output<typeof demoClockAnswer> {
    return { now: this.clock.now().toISOString() };
  }

  @Post('advance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the demo clock forward by hours or to an instant; due timers (SLA, check-ins, votes) fire in order' })
  @ApiOkFrom(demoClockAdvancedAnswer, 'The clock moved, and the timers it fired.')
  async advance(@ZodBody(advanceDemoClockRequest) body: AdvanceDemoClockRequest): Promise<z.output<typeof demoClockAdvancedAnswer>> {
    const from = this.clock.now();
    const target = body.to !== undefined ? new Date(body.to) : new Date(from.getTime() + body.hours! * 3_600_000);
    if (target.getTime() < from.getTime())
      throw new DomainError('DEMO_CLOCK.BACKWARDS', `the demo clock only moves forward: it is already ${from.toISOString()}`, {
        path: 'to',
      });
    if (target.getTime() - from.getTime() > MAX_HOURS * 3_600_000)
      throw new DomainError('DEMO_CLOCK.TOO_FAR', `the demo clock moves at most ${MAX_HOURS} hours at a time`, { path: 'to' });
    const timersFired = await this.timeline.moveTo(target);
    return { from: from.toISOString(), now: this.clock.now().toISOString(), timersFired };
  }
}
