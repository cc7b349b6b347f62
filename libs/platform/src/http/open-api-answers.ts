import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { DocumentedAnswer } from '@gongzhi/identity';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

const openApi = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;

/** One `@ApiQuery` per field of a zod query schema, so the OpenAPI document says what the pipe checks. */
export function ApiQueryFrom(schema: z.ZodObject) {
  const described = openApi(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return applyDecorators(
    ...Object.entries(described.properties ?? {}).map(([name, property]) =>
      ApiQuery({
        name,
        required: described.required?.includes(name) ?? false,
        schema: property as never,
        description: property.description as string | undefined,
      }),
    ),
  );
}

/** `@ApiOkResponse` with the JSON schema of a zod response schema. */
export function ApiOkFrom(schema: z.ZodType, description: string) {
  return DocumentedAnswer(schema, description);
}

/** `@ApiCreatedResponse` with the JSON schema of a zod response schema: the 201 of a route that creates something. */
export function ApiCreatedFrom(schema: z.ZodType, description: string) {
  return DocumentedAnswer(schema, description, 201);
}

type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * What a route declared with `ApiOkFrom(schema)` may return: the schema's output, read-only all the way down so the
 * domain's read-only state fits. A controller typed with it cannot return a shape the document does not describe.
 */
export type AnswerOf<Schema extends z.ZodType> = DeepReadonly<z.output<Schema>>;
