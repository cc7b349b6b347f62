import { Module, type DynamicModule } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EmbeddedPlatform } from '@gongzhi/runtime';
import type { MovableClock } from './demo-clock';
import { DEMO_CLOCK, DEMO_TIMELINE, DemoClockHttpController } from './demo-clock.http.controller';
import { DemoTimeline } from './demo-timeline';

@Module({})
export class DemoClockModule {
  /** The route exists only where this module is imported: the host imports it in demo mode alone (`demoModules`). */
  static forRoot(options: { clock: MovableClock; platform: () => EmbeddedPlatform }): DynamicModule {
    return {
      module: DemoClockModule,
      controllers: [DemoClockHttpController],
      providers: [
        { provide: DEMO_CLOCK, useValue: options.clock },
        {
          provide: DEMO_TIMELINE,
          useFactory: (modules: ModuleRef) => new DemoTimeline(modules as never, options.platform, options.clock),
          inject: [ModuleRef],
        },
      ],
    };
  }
}
