import { publicEvents } from '@gongzhi/contracts';

/** For specs: whether an emitted event honours its public contract (the reason when it does not). */
export function contractCheck(event: { type: string; data: unknown }, at: Date, streamId: string, streamVersion: number) {
  const parsed = publicEvents.parse({
    eventId: '0192d4e0-7c1a-7000-8000-000000000001',
    type: event.type,
    schemaVersion: 1,
    streamId,
    streamVersion,
    occurredAt: at.toISOString(),
    data: event.data,
  });
  return { type: event.type, kind: parsed.kind, reason: parsed.kind === 'invalid' ? parsed.reason : undefined };
}
