import type { DynamicModule } from '@nestjs/common';
import type { Clock } from '@gongzhi/eventsourcing';
import type { EdgeConfig } from '@gongzhi/platform';
import type { EmbeddedPlatform } from '@gongzhi/runtime';
import type { MovableClock } from './demo-clock';
import { DemoClockModule } from './demo-clock.module';

const isMovable = (clock: Clock): clock is MovableClock => typeof (clock as Partial<MovableClock>).set === 'function';

/** What demo mode adds to the host: the demo clock route. Outside demo mode (or on the machine's own clock) nothing, so the route does not exist. */
export function demoModules(edge: EdgeConfig, clock: Clock, platform: () => EmbeddedPlatform): DynamicModule[] {
  if (!edge.demoData || !isMovable(clock)) return [];
  return [DemoClockModule.forRoot({ clock, platform })];
}
