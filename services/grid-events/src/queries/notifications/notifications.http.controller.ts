import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import { CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { ReporterNotification } from '../../read-models/reporter-notification.entity';
import { ApiOkFrom } from '@gongzhi/platform';
import { notificationsAnswer } from './notifications.response';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  private get repo() {
    return this.infrastructure.dataSource.getRepository(ReporterNotification);
  }

  @Get()
  @ApiOperation({ summary: 'My notifications: feedback at each step of the cases I reported or follow, newest first' })
  @ApiOkFrom(notificationsAnswer, 'The latest 100, newest first.')
  async mine(@CurrentPrincipal() principal: Principal) {
    const rows = await this.repo.find({ where: { recipientId: principal.subject }, order: { createdAt: 'DESC', id: 'DESC' }, take: 100 });
    return {
      notifications: rows.map((n) => ({
        id: n.id,
        caseId: n.caseId,
        kind: n.kind,
        message: { zh: n.messageZh, en: n.messageEn },
        createdAt: n.createdAt,
        read: n.readAt !== null,
      })),
    };
  }

  @Post(':id/read')
  @HttpCode(200)
  async markRead(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const result = await this.repo.update(
      { id, recipientId: principal.subject },
      { readAt: this.infrastructure.clock.now().toISOString() },
    );
    if (!result.affected) throw new DomainError('NOTIFICATION.NOT_FOUND', `no notification ${id} of yours`);
    return { id, read: true };
  }
}
