import { runStandaloneService } from '@gongzhi/runtime';
import { coBuildingService } from './index';

void runStandaloneService(coBuildingService);
