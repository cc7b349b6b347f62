/**
 * Example values drawn from the JSON Schemas of the AsyncAPI document, so every message carries an example
 * that an integrator can paste into a test, and that the document's own spec validates against the schema.
 * The values are plain and fixed (one instant, one date): an example, never data.
 */
type Schema = Record<string, any>;

const EXAMPLE_INSTANT = '2026-11-26T09:00:00.000Z';
const EXAMPLE_EVENT_ID = '0192d4e0-7c1a-7000-8000-000000000001';
/** Candidates for strings with a pattern (dates, times of day, decimal numbers, months), tried in order. */
const PATTERNED = ['2026-11-26', '09:30', '1', '2026-11', 'example'];

export function exampleOf(schema: Schema, root: Schema, name = 'value'): unknown {
  if (schema.$ref) return exampleOf(resolveRef(schema.$ref, root), root, name);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.allOf)) return mergeObjects(schema.allOf.map((part: Schema) => exampleOf(part, root, name)));
  const options: Schema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(options)) return exampleOf(options.find((option) => option.type !== 'null') ?? options[0], root, name);
  const type = Array.isArray(schema.type) ? (schema.type.find((t: string) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'object':
      return objectExample(schema, root);
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => exampleOf(schema.items ?? {}, root, name));
    case 'integer':
    case 'number':
      return numberExample(schema, type);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return stringExample(schema, name);
    default:
      return schema.properties ? objectExample(schema, root) : stringExample(schema, name);
  }
}

function objectExample(schema: Schema, root: Schema): Record<string, unknown> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  return Object.fromEntries(Object.entries(properties).map(([property, inner]) => [property, exampleOf(inner, root, property)]));
}

function numberExample(schema: Schema, type: 'integer' | 'number'): number {
  let value = 1;
  if (typeof schema.minimum === 'number') value = Math.max(value, schema.minimum);
  if (typeof schema.exclusiveMinimum === 'number') value = Math.max(value, schema.exclusiveMinimum + 1);
  if (typeof schema.maximum === 'number') value = Math.min(value, schema.maximum);
  return type === 'integer' ? Math.ceil(value) : value;
}

function stringExample(schema: Schema, name: string): string {
  if (schema.format === 'date-time') return EXAMPLE_INSTANT;
  if (schema.format === 'date') return EXAMPLE_INSTANT.slice(0, 10);
  if (schema.format === 'uuid') return EXAMPLE_EVENT_ID;
  if (schema.format === 'email') return 'someone@example.org';
  if (schema.format === 'uri') return 'https://example.org/';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const fitting = PATTERNED.find((candidate) => pattern.test(candidate));
    if (fitting) return fitting;
  }
  let text = name.endsWith('Id') ? `${name.slice(0, -2)}-1` : `example ${name}`;
  if (typeof schema.maxLength === 'number') text = text.slice(0, schema.maxLength);
  if (typeof schema.minLength === 'number') text = text.padEnd(schema.minLength, 'x');
  return text;
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local references can be followed: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce((node: Schema, part) => {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!node || !Object.prototype.hasOwnProperty.call(node, key)) throw new Error(`unresolvable reference ${ref}`);
      return node[key];
    }, root);
}

function mergeObjects(parts: unknown[]): unknown {
  return parts.reduce<Record<string, unknown>>((merged, part) => ({ ...merged, ...(part as Record<string, unknown>) }), {});
}
