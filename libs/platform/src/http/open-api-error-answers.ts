import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_ANSWERS, OWN_ERROR_ANSWERS, type OwnErrorAnswersOptions } from '@gongzhi/identity';
import { z } from 'zod';
import { jsonSchemaOf } from './open-api-inputs';
import { RATE_LIMITED_ROUTES } from './rate-limit/rate-limit.admission';
import { operationsOf, type DocumentedOperation, type OperationHandler } from './open-api-operations';

/** The one error body of the platform (`platformErrorResponse`), as the document shows it. */
export const errorBodySchema = z
  .object({
    statusCode: z.number().int().min(400).max(599).describe('The HTTP status, repeated'),
    code: z.string().describe('A stable code to branch on (VALIDATION.FAILED, CASE.NOT_FOUND …)'),
    message: z.string().describe('Plain words for a person'),
    errors: z
      .array(z.object({ path: z.string().describe('The field at fault (dot path)'), message: z.string() }))
      .optional()
      .describe('One entry per field at fault'),
  })
  .describe('Every error answer of the platform');

export const ERROR_BODY_SCHEMA_NAME = 'ErrorBody';

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Malformed or invalid input; `errors` names each field at fault',
  401: 'No valid access token (or, where the route checks them, wrong credentials)',
  403: 'The token is valid but its roles or scope do not allow this',
  404: 'Nothing with this id, or not visible to the caller',
  409: 'Conflicts with the current state (a concurrent change, a duplicate)',
  413: 'The body is larger than allowed',
  415: 'The body is in a media type or charset this route does not read',
  422: 'Well-formed, but a rule of the domain refuses it',
  429: 'Too many requests; try again after `Retry-After` seconds',
  503: 'A store or provider cannot be reached, or too many sign-ins are being checked at once; try again shortly',
};

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
/** What Express' body parsers answer: malformed, too large, an unsupported charset. */
const BODY_PARSER_STATUSES = [400, 413, 415];
/** @nestjs/throttler's per-route settings (`@Throttle(…)`), which make a route answer 429. */
const THROTTLE_METADATA = /^THROTTLER:(LIMIT|TTL)/;
/** The routes the RateLimitAdmission counts, as the document writes their paths (`{file}` for `:file`). */
const RATE_LIMITED = new Set(RATE_LIMITED_ROUTES.map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`));

/**
 * Adds to every operation the error answers it can give, each with the error body's schema: what its
 * shape tells (a body can be malformed, too large or in another media type; query and path parameters
 * can be invalid; a path id can be unknown; a route behind a token answers 401/403; a command can name
 * unknown things, conflict or be refused by the domain; a throttled route answers 429), plus what the route declares
 * with `@ErrorAnswers(…)`.
 */
export function documentErrorAnswers(document: OpenAPIObject, handlers: ReadonlyMap<string, OperationHandler>): void {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [ERROR_BODY_SCHEMA_NAME]: jsonSchemaOf(errorBodySchema) as never },
  };
  for (const { path, method, operation } of operationsOf(document.paths as never)) {
    const route = operation.operationId ? handlers.get(operation.operationId) : undefined;
    const own = route ? metadataOf<OwnErrorAnswersOptions>(OWN_ERROR_ANSWERS, route) : undefined;
    if (own) {
      if (RATE_LIMITED.has(`${method} ${path}`)) operation.responses['429'] ??= ownErrorAnswer(429, own);
      for (const status of own.statuses) operation.responses[String(status)] ??= ownErrorAnswer(status, own);
      // Express reads the body before any route's filter runs: a body it cannot parse gets the platform's answer.
      if (operation.requestBody !== undefined) for (const status of BODY_PARSER_STATUSES) addPlatformAnswer(operation, status);
      continue;
    }
    const statuses = errorStatusesOf(method, operation, route);
    if (RATE_LIMITED.has(`${method} ${path}`)) statuses.add(429);
    for (const status of [...statuses].sort((a, b) => a - b)) {
      operation.responses[String(status)] ??= errorAnswer(status);
    }
  }
}

export function errorStatusesOf(method: string, operation: DocumentedOperation, route: OperationHandler | undefined): Set<number> {
  const statuses = new Set<number>();
  const parameters = operation.parameters ?? [];
  if (operation.requestBody !== undefined) BODY_PARSER_STATUSES.forEach((status) => statuses.add(status));
  if (parameters.some((parameter) => parameter.in === 'query')) statuses.add(400);
  if (parameters.some((parameter) => parameter.in === 'path')) [400, 404].forEach((status) => statuses.add(status));
  const needsToken = operation.security === undefined || operation.security.length > 0;
  if (needsToken) [401, 403].forEach((status) => statuses.add(status));
  // A command may name other things in its body (a resident, an award) that do not exist.
  if (WRITE_METHODS.has(method)) [404, 409, 422].forEach((status) => statuses.add(status));
  if (route && isThrottled(route)) statuses.add(429);
  for (const status of (route && metadataOf<number[]>(ERROR_ANSWERS, route)) || []) statuses.add(status);
  return statuses;
}

/** The route's own setting, else its controller's. */
function metadataOf<T>(key: string, route: OperationHandler): T | undefined {
  return (Reflect.getMetadata(key, route.handler) ?? Reflect.getMetadata(key, route.controller)) as T | undefined;
}

function ownErrorAnswer(status: number, own: OwnErrorAnswersOptions): Record<string, unknown> {
  const schema = jsonSchemaOf(own.body);
  const content = (own.mediaTypes ?? ['application/json']).map((mediaType) => [
    mediaType,
    { schema: mediaType.endsWith('json') ? schema : { type: 'string' } },
  ]);
  return { description: DESCRIPTIONS[status] ?? 'An error', content: Object.fromEntries(content) };
}

/** The platform's error body as another possible JSON answer of a status that has its own. */
function addPlatformAnswer(operation: DocumentedOperation, status: number): void {
  const answer = operation.responses[String(status)] as { content?: Record<string, { schema?: unknown }> } | undefined;
  const json = answer?.content?.['application/json'];
  if (!answer || !json) {
    operation.responses[String(status)] = errorAnswer(status);
    return;
  }
  json.schema = { oneOf: [json.schema, { $ref: `#/components/schemas/${ERROR_BODY_SCHEMA_NAME}` }] };
}

function isThrottled(route: OperationHandler): boolean {
  const keys = [...Reflect.getMetadataKeys(route.handler), ...Reflect.getMetadataKeys(route.controller)];
  return keys.some((key) => typeof key === 'string' && THROTTLE_METADATA.test(key));
}

function errorAnswer(status: number): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  if (status === 401) headers['WWW-Authenticate'] = { description: 'The bearer challenge (RFC 6750)', schema: { type: 'string' } };
  if (status === 429) headers['Retry-After'] = { description: 'Seconds to wait', schema: { type: 'string' } };
  return {
    description: DESCRIPTIONS[status] ?? 'An error',
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY_SCHEMA_NAME}` } } },
  };
}
