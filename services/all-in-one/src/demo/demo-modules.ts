import type { DynamicModule } from '@nestjs/common';
import type { Clock } from '@gongzhi/eventsourcing';
import type { EdgeConfig } from '@gongzhi/platform';
import type { EmbeddedPlatform } from '@gongzhi/runtime';
import type { MovableClock } from './demo-clock';
import { DemoClockModule } from './demo-clock.module';
import { DemoLifeModule } from './demo-life.module';

const isMovable = (clock: Clock): clock is MovableClock => typeof (clock as Partial<MovableClock>).set === 'function';

/**
 * What demo mode adds to the host: the demo clock route, and the simulator when GONGZHI_DEMO_LIFE_RATE asks for it.
 * Outside demo mode (or on the machine's own clock) nothing, so the route does not exist and nobody is simulated.
 */
export function demoModules(
  edge: EdgeConfig,
  clock: Clock,
  platform: () => EmbeddedPlatform,
  log?: (text: string) => void,
): DynamicModule[] {
  if (!edge.demoData || !isMovable(clock)) return [];
  const life = edge.demoCity.lifeRate > 0 ? [DemoLifeModule.forRoot({ clock, ratePerMinute: edge.demoCity.lifeRate, log })] : [];
  return [DemoClockModule.forRoot({ clock, platform }), ...life];
}
