import { metadataCausedBy } from './caused-by';
import type { Actor } from './envelope';

const policy: Actor = { id: 'department-dispatch.case-policy', kind: 'service' };
const caseDispatched = { eventId: '0192d4e0-7c1a-7000-8000-00000000000a', occurredAt: '2026-11-26T09:00:00.000Z', correlationId: 'report-77' };

describe("a policy's command metadata", () => {
  it('names the event as its cause and stays in its correlation, so a trace follows the chain', () => {
    expect(metadataCausedBy(caseDispatched, policy)).toEqual({
      actor: policy,
      now: new Date('2026-11-26T09:00:00.000Z'),
      correlationId: 'report-77',
      causationId: '0192d4e0-7c1a-7000-8000-00000000000a',
    });
  });

  it("decides at the event's own time by default, so a redelivery a day later decides the same way", () => {
    const first = metadataCausedBy(caseDispatched, policy);
    const redelivered = metadataCausedBy({ ...caseDispatched }, policy);

    expect(redelivered.now).toEqual(first.now);
    expect(metadataCausedBy(caseDispatched, policy, new Date('2026-11-27T09:00:00.000Z')).now).toEqual(new Date('2026-11-27T09:00:00.000Z'));
  });
});
