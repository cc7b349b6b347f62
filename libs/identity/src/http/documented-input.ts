import { SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { toJSONSchema, type z } from 'zod';

/** Where `ZodBody` / `ZodQuery` leave their schema on the handler, for the OpenAPI document to describe. */
export const REQUEST_BODY_SCHEMA = 'gongzhi:request-body-schema';
export const REQUEST_BODY_MEDIA_TYPES = 'gongzhi:request-body-media-types';
export const REQUEST_QUERY_SCHEMA = 'gongzhi:request-query-schema';
/** Statuses a route answers beyond what the platform infers from its shape (`@ErrorAnswers(401, 429)` on login). */
export const ERROR_ANSWERS = 'gongzhi:error-answers';
/** A route that answers its errors in its own body and statuses instead of the platform's (Open311). */
export const OWN_ERROR_ANSWERS = 'gongzhi:own-error-answers';

/**
 * A parameter decorator that records the schema which validates a request part on the handler itself, so
 * the document and the validation come from one schema and cannot drift apart.
 */
export function recordRequestSchema(key: typeof REQUEST_BODY_SCHEMA | typeof REQUEST_QUERY_SCHEMA, schema: z.ZodType): ParameterDecorator {
  return (target, propertyKey) => {
    if (propertyKey === undefined) return;
    const handler: unknown = Object.getOwnPropertyDescriptor(target, propertyKey)?.value;
    if (typeof handler === 'function') Reflect.defineMetadata(key, schema, handler);
  };
}

/**
 * For a handler that parses its body by hand with this schema (a form it folds first, a format of its
 * own): documents it as `ZodBody` would, in the given media types (default JSON).
 */
export const DocumentedBody = (schema: z.ZodType, mediaTypes: readonly string[] = ['application/json']): MethodDecorator => {
  return (target, propertyKey, descriptor) => {
    SetMetadata(REQUEST_BODY_SCHEMA, schema)(target, propertyKey, descriptor);
    SetMetadata(REQUEST_BODY_MEDIA_TYPES, mediaTypes)(target, propertyKey, descriptor);
  };
};

/** For a handler that validates its query by hand with this schema: documents it as `ZodQuery` would. */
export const DocumentedQuery = (schema: z.ZodType) => SetMetadata(REQUEST_QUERY_SCHEMA, schema);

/** Error statuses a route gives that its shape does not tell (a wrong password's 401 on a public route, a throttle's 429). */
export const ErrorAnswers = (...statuses: number[]) => SetMetadata(ERROR_ANSWERS, statuses);

export interface OwnErrorAnswersOptions {
  readonly statuses: readonly number[];
  readonly body: z.ZodType;
  /** Media types of the error answers; default JSON. */
  readonly mediaTypes?: readonly string[];
}

/** Routes (a controller) whose exception filter answers in a shape of its own: these statuses, this body. */
export const OwnErrorAnswers = (options: OwnErrorAnswersOptions) => SetMetadata(OWN_ERROR_ANSWERS, options);

/**
 * The answer of a route (200, or 201 for one that creates) with the JSON schema of a zod schema (`ApiOkFrom` and
 * `ApiCreatedFrom` of @gongzhi/platform build on this: the platform depends on identity, so identity's own routes
 * declare their answers here).
 */
export const DocumentedAnswer = (schema: z.ZodType, description: string, status: 200 | 201 = 200) =>
  ApiResponse({
    status,
    description,
    schema: toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as never,
  });
