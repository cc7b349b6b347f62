import { runStandaloneService } from '@gongzhi/runtime';
import { deliberationService } from './index';

void runStandaloneService(deliberationService);
