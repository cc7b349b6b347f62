import { uuidv7 } from '@gongzhi/eventsourcing';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Long enough for any tracing id, and nothing that could forge a log line or a header. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

type HeaderValue = string | readonly string[] | undefined;

/** The caller's correlation id when it is a sane one, or a new UUID v7. */
export function correlationIdFrom(header: HeaderValue): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && ACCEPTABLE.test(value) ? value : uuidv7();
}
