import type { INestApplication } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

type Controller = new (...args: never[]) => object;

export interface OperationHandler {
  readonly controller: Controller;
  readonly handler: (...args: never[]) => unknown;
}

/**
 * The controller method behind each operation of the document, by @nestjs/swagger's default operation id
 * (`<Controller>_<method>`), so decorator metadata on routes can shape the document after it is generated.
 */
export function operationHandlers(app: INestApplication): ReadonlyMap<string, OperationHandler> {
  const discovery = app.get(DiscoveryService, { strict: false });
  const handlers = new Map<string, OperationHandler>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Controller | null;
    if (!controller?.prototype) continue;
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      // The descriptor, not the property: reading a getter on the prototype would run it without an instance.
      const handler: unknown = Object.getOwnPropertyDescriptor(controller.prototype, method)?.value;
      if (method === 'constructor' || typeof handler !== 'function') continue;
      handlers.set(`${controller.name}_${method}`, { controller, handler: handler as OperationHandler['handler'] });
    }
  }
  return handlers;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface DocumentedOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: unknown[];
}

/** Every operation of the document with its path and lower-case method. */
export function* operationsOf(
  paths: Record<string, Record<string, unknown>>,
): Generator<{ path: string; method: string; operation: DocumentedOperation }> {
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as DocumentedOperation | undefined;
      if (operation) yield { path, method, operation };
    }
  }
}
