import { z } from 'zod';
import { xmlText } from '../http/xml-text';

const dateTime = z.iso.datetime({ offset: true, error: 'must be a W3C date-time, e.g. 2026-11-26T09:00:00+08:00' });

export const listRequestsQuery = z.object({
  service_request_id: z.string().min(1).optional(),
  service_code: z.string().min(1).optional(),
  start_date: dateTime.optional(),
  end_date: dateTime.optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))*$/, { error: 'status is open, closed, or both comma-separated' })
    .optional(),
  jurisdiction_id: z.string().optional(),
  api_key: z.string().min(1).optional().describe("A client's own key: its requests are listed before triage too"),
});
export type ListRequestsQuery = z.output<typeof listRequestsQuery>;

export const oneRequestQuery = z.object({
  jurisdiction_id: z.string().optional(),
  api_key: z.string().min(1).optional().describe("A client's own key: it may read its request before triage"),
});
export type OneRequestQuery = z.output<typeof oneRequestQuery>;

const coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const postRequestBody = z
  .object({
    api_key: z.string().min(1, { error: 'api_key is required' }),
    service_code: z.string().min(1, { error: 'service_code is required' }),
    lat: coordinate(-90, 90).optional(),
    long: coordinate(-180, 180).optional(),
    address_string: xmlText().trim().min(1).max(300).optional(),
    address_id: z.string().optional(),
    description: xmlText().trim().max(4000).optional(),
    media_url: z.url({ error: 'media_url must be a URL' }).optional(),
    attribute: z.record(xmlText(), z.union([xmlText().max(300), z.array(xmlText().max(300)).max(20)])).optional(),
    jurisdiction_id: z.string().optional(),
    email: z.string().optional(),
    device_id: z.string().optional(),
    account_id: z.string().optional(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    phone: z.string().optional(),
  })
  .refine((b) => (b.lat !== undefined && b.long !== undefined) || b.address_string !== undefined, {
    error: 'a location is required: lat and long, or address_string',
  });
export type PostRequestBody = z.output<typeof postRequestBody>;

/** Open311's error answer: `[{ code, description }]` (in XML, `<errors><error>…`). */
export const open311ErrorsBody = z.array(z.object({ code: z.number().int(), description: z.string() }));

/** Form fields `attribute[code]=value` as a flat urlencoded parser leaves them, folded into `attribute`. */
export function foldAttributes(body: Record<string, unknown>): Record<string, unknown> {
  // Codes come from the client (`attribute[__proto__]`): gathered in a Map, they are only ever own properties.
  const nested =
    Object.hasOwn(body, 'attribute') && typeof body['attribute'] === 'object' && body['attribute'] !== null ? body['attribute'] : {};
  const attribute = new Map<string, unknown>(Object.entries(nested));
  const rest = new Map<string, unknown>();
  for (const [key, value] of Object.entries(body)) {
    const match = /^attribute\[(.+)\](\[\])?$/.exec(key);
    if (match) attribute.set(match[1], value);
    else if (key !== 'attribute') rest.set(key, value);
  }
  if (attribute.size) rest.set('attribute', Object.fromEntries(attribute));
  return Object.fromEntries(rest);
}
