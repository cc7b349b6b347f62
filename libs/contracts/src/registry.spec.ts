import { z } from 'zod';
import { publicEvents, type PublicEvent } from './catalogue';
import { BallotCast } from './events/deliberation';
import { CaseReported, CaseReportedV1 } from './events/grid-events';
import { ContractDefinitionError, ContractRegistry, defineEvent } from './registry';

const envelope = (type: string, schemaVersion: number, data: Record<string, unknown>) => ({
  eventId: '0192d4e0-7c1a-7000-8000-000000000001',
  type,
  schemaVersion,
  streamId: 'case-42',
  streamVersion: 1,
  globalPosition: 7,
  occurredAt: '2025-03-01T08:30:00.000Z',
  recordedAt: '2025-03-01T08:30:00.012Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'resident-9', kind: 'user' },
  data,
});

const reportedV1 = {
  caseId: '42',
  categoryCode: 'city.road.pothole',
  description: '人行道上有个大坑',
  lat: 30.2741,
  long: 120.1551,
  gridId: 'grid-3',
  communityId: 'community-1',
  streetId: 'street-1',
  reporterId: 'resident-9',
  anonymous: false,
  reportedVia: 'resident',
};

const { lat, long, ...placeAndReporter } = reportedV1;
const reportedV2 = {
  ...placeAndReporter,
  location: { lat, long },
  address: '西湖区文三路 1 号',
  photoIds: ['photo-1'],
};

function ok(result: ReturnType<typeof publicEvents.parse>): PublicEvent {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.event;
}

function invalidReason(result: ReturnType<typeof publicEvents.parse>): string {
  if (result.kind !== 'invalid') throw new Error(`expected invalid, got ${result.kind}`);
  return result.reason;
}

describe('reading public events', () => {
  it('reads an old CaseReported v1 as v2: coordinates become location, with no address and no photos', () => {
    const event = ok(publicEvents.parse(envelope('CaseReported', 1, reportedV1)));

    expect(event.type).toBe('CaseReported');
    expect(event.schemaVersion).toBe(2);
    if (event.type !== 'CaseReported') return;
    expect(event.data.location).toEqual({ lat: 30.2741, long: 120.1551 });
    expect(event.data.address).toBeNull();
    expect(event.data.photoIds).toEqual([]);
    expect(event.data).not.toHaveProperty('lat');
    expect(event.data.description).toBe('人行道上有个大坑');
  });

  it('keeps the envelope of an upcast event, so consumers still deduplicate and order by it', () => {
    const event = ok(publicEvents.parse(envelope('CaseReported', 1, reportedV1)));
    expect(event).toMatchObject({
      eventId: '0192d4e0-7c1a-7000-8000-000000000001',
      streamId: 'case-42',
      streamVersion: 1,
      globalPosition: 7,
    });
  });

  it('reads a frozen old event (one the embedded store hands to every consumer) as v2 for each consumer that asks', () => {
    const shared = Object.freeze({ ...envelope('CaseReported', 1, reportedV1), data: Object.freeze({ ...reportedV1 }) });
    const [projector, policy] = [ok(publicEvents.parse(shared)), ok(publicEvents.parse(shared))];

    for (const event of [projector, policy]) {
      expect(event.schemaVersion).toBe(2);
      if (event.type === 'CaseReported') expect(event.data.location).toEqual({ lat: 30.2741, long: 120.1551 });
      expect(() => Object.assign(event.data, { description: '改过了' })).toThrow(TypeError);
    }
    const broken = Object.freeze(envelope('CaseReported', 2, { ...reportedV2, location: { lat: '北纬30', long: 120 } }));
    expect(invalidReason(publicEvents.parse(broken))).toContain('data.location.lat');
  });

  it('reads a current CaseReported v2 as it is', () => {
    const event = ok(publicEvents.parse(envelope('CaseReported', 2, reportedV2)));
    expect(event.data).toEqual(reportedV2);
  });

  it('accepts fields a newer producer added, without passing them on', () => {
    const event = ok(publicEvents.parse(envelope('CaseReported', 2, { ...reportedV2, priority: 'urgent' })));
    expect(event.data).not.toHaveProperty('priority');
  });

  it('names the path of data that breaks its contract', () => {
    const reason = invalidReason(
      publicEvents.parse(envelope('CaseReported', 2, { ...reportedV2, location: { lat: '北纬30', long: 120 } })),
    );
    expect(reason).toContain('CaseReported v2');
    expect(reason).toContain('data.location.lat');
  });

  it('names every missing field of the data, in the version it was sent in', () => {
    const { lat: _lat, ...withoutLat } = reportedV1;
    const reason = invalidReason(publicEvents.parse(envelope('CaseReported', 1, { ...withoutLat, caseId: undefined })));
    expect(reason).toMatch(/data\.caseId: is required/);
    expect(reason).toMatch(/data\.lat: is required/);
  });

  it("refuses an anonymous report that carries the reporter's id", () => {
    const reason = invalidReason(publicEvents.parse(envelope('CaseReported', 2, { ...reportedV2, anonymous: true })));
    expect(reason).toContain('data.reporterId: must be null when anonymous is true');
  });

  it.each(['eventId', 'type', 'schemaVersion', 'streamId', 'streamVersion', 'occurredAt', 'data'])(
    'refuses an envelope without %s, naming it',
    (field) => {
      const message: Record<string, unknown> = envelope('CaseReported', 2, reportedV2);
      delete message[field];
      expect(invalidReason(publicEvents.parse(message))).toContain(`${field}: is required`);
    },
  );

  it('refuses what is not an envelope at all', () => {
    expect(publicEvents.parse('CaseReported').kind).toBe('invalid');
    expect(publicEvents.parse(null).kind).toBe('invalid');
  });

  it('reports an event type it does not know as unknown, for the consumer to skip', () => {
    expect(publicEvents.parse(envelope('CaseTeleported', 1, { caseId: '42' }))).toEqual({
      kind: 'unknown',
      type: 'CaseTeleported',
      schemaVersion: 1,
    });
  });

  it('refuses a version newer than it knows, asking for an upgrade rather than guessing', () => {
    const reason = invalidReason(publicEvents.parse(envelope('CaseReported', 3, reportedV2)));
    expect(reason).toMatch(/CaseReported v3 is newer than the latest this consumer knows \(v2\): upgrade @gongzhi\/contracts/);
  });

  it('narrows data by type, so a consumer can switch over every public event', () => {
    const describe = (event: PublicEvent): string => {
      switch (event.type) {
        case 'CaseReported':
          return `${event.data.categoryCode} at ${event.data.location?.lat ?? event.data.address}`;
        case 'BallotCast':
          return `a ballot in ${event.data.topicId}`;
        default:
          return event.type;
      }
    };
    expect(describe(ok(publicEvents.parse(envelope('CaseReported', 1, reportedV1))))).toBe('city.road.pothole at 30.2741');
  });
});

describe('BallotCast (secret ballot)', () => {
  const ballot = { topicId: 'topic-7', voterId: 'resident-9', ballotId: 'ballot-3', assisted: false };

  it('has no field that could carry a choice', () => {
    expect(Object.keys(BallotCast.schema.shape).sort()).toEqual(['assisted', 'ballotId', 'topicId', 'voterId']);
  });

  it('strips a choice sent by mistake, so no consumer ever sees it', () => {
    const event = ok(publicEvents.parse(envelope('BallotCast', 1, { ...ballot, choice: 'option-yes', optionId: 'option-yes' })));
    expect(event.data).toEqual(ballot);
  });
});

describe('the catalogue', () => {
  const types = [...new Set(publicEvents.contracts().map((c) => c.type))];

  it('has exactly one latest version per event type, the highest', () => {
    for (const type of types) {
      const versions = publicEvents
        .contracts()
        .filter((c) => c.type === type)
        .map((c) => c.version);
      expect({ type, latest: publicEvents.latestVersion(type) }).toEqual({ type, latest: Math.max(...versions) });
    }
  });

  it('reads every older version through a chain of upcasters that ends at the latest', () => {
    for (const old of publicEvents.contracts().filter((c) => c.version !== publicEvents.latestVersion(c.type))) {
      let version = old.version;
      for (let step = 0; version !== publicEvents.latestVersion(old.type); step++) {
        const next = publicEvents.upcasters().find((u) => u.type === old.type && u.fromVersion === version);
        expect({ type: old.type, from: version, hasUpcaster: Boolean(next) }).toEqual({ type: old.type, from: version, hasUpcaster: true });
        expect(step).toBeLessThan(10);
        version = next!.toVersion;
      }
    }
  });

  it('refuses, at start-up, an old version that nothing upcasts', () => {
    const build = () => new ContractRegistry({ current: [CaseReported], superseded: [CaseReportedV1], upcasters: [] });
    expect(build).toThrow(ContractDefinitionError);
    expect(build).toThrow('CaseReported v1 has no upcaster');
  });

  it('refuses, at start-up, two current versions of one type', () => {
    const again = defineEvent({ service: 'grid-events', type: 'CaseReported', version: 3, summary: 'x', schema: z.object({}) });
    expect(() => new ContractRegistry({ current: [CaseReported, again] })).toThrow('CaseReported has two current versions');
  });
});
