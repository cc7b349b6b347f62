import { runStandaloneService } from '@gongzhi/runtime';
import { departmentDispatchService } from './index';

void runStandaloneService(departmentDispatchService);
