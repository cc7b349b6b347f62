import { runStandaloneService } from '@gongzhi/runtime';
import { gridEventsService } from './index';

void runStandaloneService(gridEventsService);
