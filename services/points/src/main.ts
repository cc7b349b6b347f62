import { runStandaloneService } from '@gongzhi/runtime';
import { pointsService } from './index';

void runStandaloneService(pointsService);
