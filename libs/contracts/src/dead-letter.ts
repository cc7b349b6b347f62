import { z } from 'zod';
import { isoTimestamp } from './envelope';

/**
 * What a consumer writes to `<topic>.dlq` for a message it cannot process (it fails its contract, or its
 * handler keeps failing): the original message, untouched, and why. The message key stays the original
 * key, so a redrive keeps each stream in order.
 */
export const deadLetterSchema = z.object({
  originalTopic: z.string().min(1),
  partition: z.number().int().nonnegative(),
  offset: z.string().min(1).describe('Kafka offset, as a decimal string (offsets exceed 2^53).'),
  key: z.string().nullable().describe('The original key (the stream id), UTF-8.'),
  value: z.string().nullable().describe('The original value, exactly as received, in valueEncoding.'),
  valueEncoding: z.enum(['utf8', 'base64']).describe('base64 when the value was not valid UTF-8.'),
  headers: z.record(z.string(), z.string()).describe('The original headers, as strings.'),
  reason: z.string().min(1).describe('Why it was dead-lettered, naming the offending fields, e.g. "data.location.lat: expected number".'),
  consumerGroup: z.string().min(1),
  failedAt: isoTimestamp,
});

export type DeadLetter = z.output<typeof deadLetterSchema>;
