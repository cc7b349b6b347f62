import { coBuildingService } from '@gongzhi/co-building';
import { dashboardsService } from '@gongzhi/dashboards';
import { departmentDispatchService } from '@gongzhi/department-dispatch';
import { deliberationService } from '@gongzhi/deliberation';
import { gridEventsService } from '@gongzhi/grid-events';
import { pointsServiceCheckedAgainst } from '@gongzhi/points';
import type { HostedService } from '@gongzhi/runtime';
import { webhooksService } from '@gongzhi/webhooks';
import { categoryCodesOfTheCity } from './organisation-tree';

/** Every service module the host composes: the four that own events, then the read models over them. */
export const SERVICES: readonly HostedService[] = [
  gridEventsService,
  departmentDispatchService,
  deliberationService,
  // Badges name case categories: checked at start against the catalogue, so one that could never be earned stops it.
  pointsServiceCheckedAgainst((env) => ({ categoryCodes: categoryCodesOfTheCity(env) })),
  coBuildingService,
  dashboardsService,
  webhooksService,
];
