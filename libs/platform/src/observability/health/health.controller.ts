import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@gongzhi/identity';
import { HealthRegistry, type CheckStatus, type Readiness } from './health-registry';

type HttpResponse = { status(code: number): unknown };

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /**
   * Liveness: the process answers. Restart it when this fails. It also says whether the dependencies the process
   * can do without for a while (Kafka) answer; they never make it fail.
   */
  @ApiOkResponse({ description: 'The process is alive: `{status: "ok", dependencies: {bus: {status: "down", error}}}`' })
  @Get()
  async live(): Promise<{ status: 'ok'; dependencies?: Readonly<Record<string, CheckStatus>> }> {
    const dependencies = await this.registry.dependencies();
    return Object.keys(dependencies).length > 0 ? { status: 'ok', dependencies } : { status: 'ok' };
  }

  /** Readiness: the process can take commands — every dependency it needs for that answers in time. Send no traffic while this is 503. */
  @ApiOkResponse({ description: 'Every dependency answers: `{status: "ready", checks: {store: {status: "up"}, …}}`' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down or did not answer in time; its check says why' })
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: HttpResponse): Promise<Readiness> {
    const readiness = await this.registry.readiness();
    if (readiness.status !== 'ready') response.status(503);
    return readiness;
  }
}
