import type { Provider } from '@nestjs/common';
import { ErrorStatuses, type ErrorStatusRules } from './error-statuses';

/**
 * A provider that adds a service's codes to the process's `ErrorStatuses` (PlatformModule's, so the
 * platform's exception filter answers them) when the service's module is created; list it among
 * that module's providers. Two services giving one code different statuses fail the start-up.
 * A process composed without PlatformModule (a headless application context) has no such table and
 * no filter to answer by it, so there the rules are simply not registered.
 */
export function errorStatusRules(owner: string, rules: ErrorStatusRules): Provider {
  return {
    provide: Symbol(`${owner} error statuses`),
    inject: [{ token: ErrorStatuses, optional: true }],
    useFactory: (statuses: ErrorStatuses | undefined) => {
      statuses?.register(rules);
      return rules;
    },
  };
}
