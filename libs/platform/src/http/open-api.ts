import type { CustomDecorator, INestApplication } from '@nestjs/common';
import { ApiBody, DocumentBuilder, SwaggerModule, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { Public } from '@gongzhi/identity';
import { z } from 'zod';
import { documentErrorAnswers } from './open-api-error-answers';
import { documentValidatedInputs } from './open-api-inputs';
import { operationHandlers, operationsOf, type OperationHandler } from './open-api-operations';
import { behindPrefix } from './route-index';

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
  const document = createOpenApiDocument(app, options);
  // Everything it serves is under the path: no other request tries its routes and files.
  behindPrefix(app, `/${path}`, () =>
    SwaggerModule.setup(path, app, document, { jsonDocumentUrl: `${path}-json`, customSiteTitle: options.title }),
  );
  return document;
}

/**
 * The document of the app's controllers, completed from the routes' own metadata: which operations are
 * public, the request bodies and query parameters from the zod schemas that validate them, and the
 * error answers each operation can give.
 */
export function createOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  let builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version ?? '1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .addSecurityRequirements(BEARER);
  if (options.description) builder = builder.setDescription(options.description);
  const document = SwaggerModule.createDocument(app, builder.build());
  const handlers = operationHandlers(app);
  markPublicOperations(document, handlers);
  documentValidatedInputs(document, handlers);
  documentErrorAnswers(document, handlers);
  return document;
}

/** `security: []` on the operations of `@Public()` routes, so the document tells what needs a token. */
function markPublicOperations(document: OpenAPIObject, handlers: ReadonlyMap<string, OperationHandler>): void {
  for (const { operation } of operationsOf(document.paths as never)) {
    const route = operation.operationId ? handlers.get(operation.operationId) : undefined;
    if (!route) continue;
    const isPublic =
      Reflect.getMetadata(PUBLIC_ROUTE_KEY, route.controller) === true || Reflect.getMetadata(PUBLIC_ROUTE_KEY, route.handler) === true;
    if (isPublic) operation.security = [];
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
