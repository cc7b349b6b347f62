import { Body, Injectable, Query, type PipeTransform } from '@nestjs/common';
import { ZodObject, type z } from 'zod';
import { ValidationFailedError, type FieldError } from '../errors';
import { recordRequestSchema, REQUEST_BODY_SCHEMA, REQUEST_QUERY_SCHEMA } from './documented-input';
import { plainZodMessage } from './plain-zod-messages';

/** Validates and parses a request part with a zod schema; a failure is a 400 listing each field at fault, in plain words. */
@Injectable()
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    // A request sent without a body is read as an empty one, so each required field is named, not "(body)".
    const input = value === undefined && this.schema instanceof ZodObject ? {} : value;
    const parsed = this.schema.safeParse(input, { error: plainZodMessage });
    if (parsed.success) return parsed.data;
    throw new ValidationFailedError(fieldErrors(parsed.error));
  }
}

/** One entry per field at fault (its first problem), in the order the schema found them. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const byPath = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    if (!byPath.has(path)) byPath.set(path, issue.message);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

/** `@ZodBody(schema) body: z.output<typeof schema>`: the request body, validated, and documented as the operation's request body. */
export const ZodBody = (schema: z.ZodType): ParameterDecorator =>
  combine(Body(new ZodValidationPipe(schema)), recordRequestSchema(REQUEST_BODY_SCHEMA, schema));

/** `@ZodQuery(schema) query: z.output<typeof schema>`: the query string, validated, and documented as the operation's query parameters. */
export const ZodQuery = (schema: z.ZodType): ParameterDecorator =>
  combine(Query(new ZodValidationPipe(schema)), recordRequestSchema(REQUEST_QUERY_SCHEMA, schema));

function combine(...decorators: ParameterDecorator[]): ParameterDecorator {
  return (target, propertyKey, index) => {
    for (const decorate of decorators) decorate(target, propertyKey, index);
  };
}
