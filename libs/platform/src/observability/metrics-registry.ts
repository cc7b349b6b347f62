import { collectDefaultMetrics, Registry } from 'prom-client';

/** The prom-client `Registry` of the process; `/metrics` serves it. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** A registry of its own (not prom-client's global one), with the process's default metrics. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
