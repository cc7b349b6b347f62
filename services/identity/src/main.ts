// The distributed set's issuer: accounts and tokens for every service (libs/runtime, run-identity-service.ts).
import 'reflect-metadata';
import { runIdentityService } from '@gongzhi/runtime';

runIdentityService();
