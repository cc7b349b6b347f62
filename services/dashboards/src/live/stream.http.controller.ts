import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Public } from '@gongzhi/identity';
import type { DashboardProjections } from '../dashboard-projections';
import { FIGURES } from '../projectors/dashboard-projector';
import { DASHBOARD_PROJECTIONS } from '../tokens';

const HEARTBEAT_MS = 25_000;

@ApiTags('dashboards')
@Controller('api/dashboards')
export class StreamHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Sse('stream')
  @Public()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Live updates (server-sent events): which figures moved, so a dashboard refetches just those views',
    description:
      '`event: ready` with `{"figures":[…every figure group…]}` on connect; then `event: changed` with ' +
      '`{"figures":["cases","points",…],"at":"<ISO time>"}` after applied batches, at most two a second; ' +
      '`event: heartbeat` every 25 s. Figure groups: ' +
      FIGURES.join(', ') +
      '.',
  })
  stream(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next({ type: 'ready', data: { figures: FIGURES } });
      const changes = this.projections.changes.changes.subscribe({
        next: (change) => subscriber.next({ type: 'changed', data: change }),
        complete: () => subscriber.complete(),
      });
      const heartbeat = setInterval(
        () => subscriber.next({ type: 'heartbeat', data: { at: this.projections.now().toISOString() } }),
        HEARTBEAT_MS,
      );
      heartbeat.unref();
      return () => {
        clearInterval(heartbeat);
        changes.unsubscribe();
      };
    });
  }
}
