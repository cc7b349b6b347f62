import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@gongzhi/identity';
import { HealthRegistry, type Readiness } from './health-registry';

type HttpResponse = { status(code: number): unknown };

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** Liveness: the process answers. Restart it when this fails. */
  @ApiOkResponse({ description: 'The process is alive' })
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every dependency answers within its timeout. Send no traffic while this is 503. */
  @ApiOkResponse({ description: 'Every dependency answers: `{status: "ready", checks: {store: {status: "up"}, …}}`' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down or did not answer in time; its check says why' })
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: HttpResponse): Promise<Readiness> {
    const readiness = await this.registry.readiness();
    if (readiness.status !== 'ready') response.status(503);
    return readiness;
  }
}
