import { request as httpRequest } from 'node:http';

export interface AddressedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: any;
}

/**
 * One HTTP request to a test app sent from a chosen loopback address (127.0.0.1, 127.0.0.2 …), so a
 * test can play a stranger and an owner on two machines.
 */
export function requestFrom(
  baseUrl: string,
  sourceAddress: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; form?: Record<string, string> } = {},
): Promise<AddressedResponse> {
  const url = new URL(path, baseUrl);
  const payload =
    options.form !== undefined
      ? new URLSearchParams(options.form).toString()
      : options.body === undefined
        ? undefined
        : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    ...(options.form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(payload === undefined ? {} : { 'content-length': String(Buffer.byteLength(payload)) }),
  };
  return new Promise((done, failed) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        localAddress: sourceAddress,
        agent: false,
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () => {
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text
          }
          done({ status: incoming.statusCode ?? 0, headers: incoming.headers, body });
        });
      },
    );
    outgoing.on('error', failed);
    outgoing.end(payload);
  });
}
