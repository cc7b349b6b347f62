import { runStandaloneService } from '@gongzhi/runtime';
import { dashboardsService } from './index';

void runStandaloneService(dashboardsService);
