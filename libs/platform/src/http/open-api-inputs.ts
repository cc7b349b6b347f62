import type { OpenAPIObject } from '@nestjs/swagger';
import { REQUEST_BODY_MEDIA_TYPES, REQUEST_BODY_SCHEMA, REQUEST_QUERY_SCHEMA } from '@gongzhi/identity';
import { z } from 'zod';
import { operationsOf, type DocumentedOperation, type OperationHandler } from './open-api-operations';

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; description?: string; [key: string]: unknown };

/** What a caller may send, as the pipe parses it (`io: 'input'`: a field with a default may be left out). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
    override: requireTextAfterTrim,
  }) as JsonSchema;
}

/**
 * `z.string().trim().min(1)` refuses "   ", which `minLength: 1` alone admits: the document then says a
 * request is valid that the pipe refuses. A pattern that needs one non-space character says what the pipe does.
 */
function requireTextAfterTrim({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const minLength = jsonSchema['minLength'];
  if (typeof minLength !== 'number' || minLength < 1 || jsonSchema['pattern'] !== undefined || !trimsInput(zodSchema)) return;
  jsonSchema['pattern'] = '\\S';
}

/** zod 4 records `.trim()` only as an overwrite check whose function trims. */
function trimsInput(schema: unknown): boolean {
  const checks =
    (schema as { _zod?: { def?: { checks?: { _zod?: { def?: { check?: string; tx?: unknown } } }[] } } })._zod?.def?.checks ?? [];
  return checks.some((check) => check._zod?.def?.check === 'overwrite' && String(check._zod.def.tx).includes('.trim()'));
}

/**
 * The request body and query parameters of every operation whose handler validates them with `ZodBody` /
 * `ZodQuery` (or declare them with `DocumentedBody` / `DocumentedQuery`, @gongzhi/identity), from the very schema that validates them.
 */
export function documentValidatedInputs(document: OpenAPIObject, handlers: ReadonlyMap<string, OperationHandler>): void {
  for (const { operation } of operationsOf(document.paths as never)) {
    const route = operation.operationId ? handlers.get(operation.operationId) : undefined;
    if (!route) continue;
    const body = Reflect.getMetadata(REQUEST_BODY_SCHEMA, route.handler) as z.ZodType | undefined;
    if (body) {
      const mediaTypes = (Reflect.getMetadata(REQUEST_BODY_MEDIA_TYPES, route.handler) as readonly string[] | undefined) ?? [
        'application/json',
      ];
      const schema = jsonSchemaOf(body);
      operation.requestBody = { required: true, content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema }])) };
    }
    const query = Reflect.getMetadata(REQUEST_QUERY_SCHEMA, route.handler) as z.ZodType | undefined;
    if (query) documentQuery(operation, jsonSchemaOf(query));
  }
}

/** One parameter per property of the query schema; it replaces whatever the explorer guessed under that name. */
function documentQuery(operation: DocumentedOperation, query: JsonSchema): void {
  const properties = Object.entries(query.properties ?? {});
  const names = new Set(properties.map(([name]) => name));
  const others = (operation.parameters ?? []).filter(
    (parameter) => !(parameter.in === 'query' && (names.has(parameter.name) || parameter.name === '')),
  );
  const documented = properties.map(([name, property]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
  operation.parameters = [...others, ...documented];
}
