import type { ServiceDefinition } from '@gongzhi/runtime';

/** Every service module the host composes, in start order. Each arrives with its issue. */
export const SERVICES: readonly ServiceDefinition[] = [];
