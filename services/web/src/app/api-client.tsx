import createClient, { type Client } from 'openapi-fetch';
import { useMemo } from 'react';
import { errorOfBody, useApi, useRead, type Api, type Loaded } from './api';
import type { paths } from './api-types';

/**
 * The platform's API typed from its OpenAPI document (api-types.ts, `npm run web:api-types`): a path, parameter or
 * body the platform does not take is a compile error. It sends through the app's session (token, shared refresh).
 */
export type ApiClient = Client<paths>;

export function useApiClient(): ApiClient {
  const { request } = useApi();
  return useMemo(() => createClient<paths>({ fetch: (input) => throughSession(request, input) }), [request]);
}

async function throughSession(request: Api['request'], input: Request): Promise<Response> {
  // The body is read once, so the retry after a refresh can send it again.
  const body = input.method === 'GET' || input.method === 'HEAD' ? undefined : await input.arrayBuffer();
  return request(input.url, { method: input.method, headers: input.headers, body });
}

type JsonAnswer<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Answer } } } } ? Answer : never;

/** The paths whose GET the document describes with a JSON answer: only those can be read typed. */
export type ReadablePath = {
  [P in keyof paths]: JsonAnswer<paths[P]['get']> extends never ? never : P;
}[keyof paths];

type ParametersOf<P extends ReadablePath> = NonNullable<paths[P]['get']>['parameters'];
export type AnswerOf<P extends ReadablePath> = JsonAnswer<paths[P]['get']>;

/** The address a read is cached under: the same string `useLoad` would use, so live updates invalidate both. */
export function addressOf(template: string, parameters: { path?: object; query?: object }): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((parameters.path as Record<string, unknown> | undefined)?.[name] ?? '')),
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters.query ?? {})) {
    if (value !== undefined && value !== null) query.append(name, String(value));
  }
  return query.size > 0 ? `${path}?${query}` : path;
}

/**
 * `useLoad` typed by the document: `useApiQuery('/api/dashboards/deliberation/topics', { query: { limit: 50 } })`
 * gives the answer's generated type. `null` parameters skip the read (a value the page does not have yet).
 */
export function useApiQuery<P extends ReadablePath>(
  path: P,
  parameters: Omit<ParametersOf<P>, 'header' | 'cookie'> | null,
  options: { publicRead?: boolean } = {},
): Loaded<AnswerOf<P>> {
  const client = useApiClient();
  const address = parameters === null ? null : addressOf(path, parameters as { path?: object; query?: object });
  return useRead(
    address,
    async () => {
      const get = client.GET as (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
      const { data, error, response } = await get(path, { params: parameters });
      if (!response.ok) throw errorOfBody(response.status, error);
      return data as AnswerOf<P>;
    },
    options,
  );
}
