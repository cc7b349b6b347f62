import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WebhookSubscriptionsHttpController } from './subscriptions/webhook-subscriptions.http.controller';
import { WEBHOOKS_RUNTIME } from './tokens';
import { WebhooksRuntime, type WebhooksInfrastructure } from './webhooks.runtime';

@Injectable()
class WebhooksLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(WEBHOOKS_RUNTIME) private readonly runtime: WebhooksRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runtime.stop();
  }
}

@Module({})
export class WebhooksModule {}

/** Outbound webhooks: the admin API under /api/webhooks, the dispatcher over every public topic, the sender. */
export function webhooksModule(infrastructure: WebhooksInfrastructure): DynamicModule {
  return {
    module: WebhooksModule,
    controllers: [WebhookSubscriptionsHttpController],
    providers: [{ provide: WEBHOOKS_RUNTIME, useValue: new WebhooksRuntime(infrastructure) }, WebhooksLifecycle],
    exports: [WEBHOOKS_RUNTIME],
  };
}
