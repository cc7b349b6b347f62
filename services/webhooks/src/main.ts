import { runStandaloneService } from '@gongzhi/runtime';
import { webhooksService } from './index';

void runStandaloneService(webhooksService);
