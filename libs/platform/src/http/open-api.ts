import type { CustomDecorator, INestApplication } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ApiBody, DocumentBuilder, SwaggerModule, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { Public } from '@gongzhi/identity';
import { z } from 'zod';

export interface OpenApiOptions {
  readonly title: string;
  readonly description?: string;
  readonly version?: string;
  /** Where the UI is served; the document is at `<path>-json`. Default `/docs`. */
  readonly path?: string;
}

const BEARER = 'bearer';
/** The metadata key `@Public()` sets, as Nest's `SetMetadata` exposes it. */
const PUBLIC_ROUTE_KEY = (Public() as CustomDecorator).KEY;

/**
 * Serves the OpenAPI document generated from the app's controllers: the UI at `/docs`, the JSON at
 * `/docs-json`. Every operation needs a bearer token (the AuthGuard's rule) except `@Public()` ones.
 */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const path = (options.path ?? '/docs').replace(/^\/+/, '');
  let builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version ?? '1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .addSecurityRequirements(BEARER);
  if (options.description) builder = builder.setDescription(options.description);
  const document = SwaggerModule.createDocument(app, builder.build());
  markPublicOperations(app, document);
  SwaggerModule.setup(path, app, document, { jsonDocumentUrl: `${path}-json`, customSiteTitle: options.title });
  return document;
}

/** `security: []` on the operations of `@Public()` routes, so the document tells what needs a token. */
function markPublicOperations(app: INestApplication, document: OpenAPIObject): void {
  const discovery = app.get(DiscoveryService, { strict: false });
  const publicOperationIds = new Set<string>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller?.prototype) continue;
    const wholeControllerPublic = Reflect.getMetadata(PUBLIC_ROUTE_KEY, controller) === true;
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      // The descriptor, not the property: reading a getter on the prototype would run it without an instance.
      const handler = Object.getOwnPropertyDescriptor(controller.prototype, method)?.value;
      if (method === 'constructor' || typeof handler !== 'function') continue;
      if (wholeControllerPublic || Reflect.getMetadata(PUBLIC_ROUTE_KEY, handler) === true) {
        // @nestjs/swagger's default operation id.
        publicOperationIds.add(`${controller.name}_${method}`);
      }
    }
  }
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      const id = (operation as { operationId?: unknown } | undefined)?.operationId;
      if (typeof id === 'string' && publicOperationIds.has(id)) (operation as { security?: unknown[] }).security = [];
    }
  }
}

/**
 * Documents a request body validated with `ZodBody(schema)` of @gongzhi/identity:
 * `@ApiZodBody(schema) @Post() report(@ZodBody(schema) body: z.output<typeof schema>)`.
 */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  const jsonSchema = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
  return ApiBody({ schema: jsonSchema as SchemaObject, ...(description ? { description } : {}) });
}
