import { countTurnout, factOf, pseudonymOf, type PublicEventLike } from './analytics-facts';

const key = Buffer.from('a key only this spec knows, 32 bytes!');
const options = { pseudonymKey: key, timeZone: 'Asia/Shanghai', includeFreeText: false };

const reported: PublicEventLike = {
  eventId: 'e-1',
  type: 'CaseReported',
  schemaVersion: 1,
  streamId: 'case-c-1',
  // 17:30 in London is half past one the next morning in Shanghai: the day an analyst sees is the city's.
  occurredAt: '2026-03-01T17:30:00.000Z',
  actor: { id: 'resident-42', kind: 'user' },
  data: {
    caseId: 'c-1',
    reporterId: 'resident-42',
    gridId: 'grid-hexie-01',
    categoryCode: 'city.road.pothole',
    description: '我家门口的井盖丢了',
    anonymous: true,
    location: { lat: 31.238512, long: 121.477834, address: '和谐路 12 号' },
    photoIds: ['ph-1', 'ph-2'],
  },
};

describe('the analytics facts', () => {
  it('puts an event in its table on the city’s calendar day, with people pseudonymised and things kept', () => {
    const fact = factOf('grid-events', reported, options)!;
    expect(fact.table).toBe('cases');
    expect(fact.day).toBe('2026-03-02');
    expect(fact.row).toMatchObject({
      event_type: 'CaseReported',
      case_id: 'c-1',
      grid_id: 'grid-hexie-01',
      category_code: 'city.road.pothole',
      reporter_id: pseudonymOf('resident-42', key),
      actor: pseudonymOf('resident-42', key),
      actor_kind: 'user',
      photo_ids_count: 2,
    });
    expect(JSON.stringify(fact.row)).not.toContain('resident-42');
  });

  it('leaves out what people wrote, and rounds where they stood to about 100 m', () => {
    const { row } = factOf('grid-events', reported, options)!;
    expect(row).not.toHaveProperty('description');
    expect(row).not.toHaveProperty('location_address');
    expect([row.location_lat, row.location_long]).toEqual([31.239, 121.478]);
    expect(factOf('grid-events', reported, { ...options, includeFreeText: true })!.row).toMatchObject({
      description: '我家门口的井盖丢了',
    });
  });

  it('gives one person the same pseudonym under one key and an unrelated one under another', () => {
    expect(pseudonymOf('resident-42', key)).toBe(pseudonymOf('resident-42', Buffer.from(key)));
    expect(pseudonymOf('resident-42', key)).not.toBe(pseudonymOf('resident-42', Buffer.from('another key entirely, 32 bytes!!')));
    expect(pseudonymOf('resident-42', key)).toMatch(/^p_[A-Za-z0-9_-]{22}$/);
  });

  it('counts ballots per topic and day without a voter or a choice, and keeps ballots out of the row tables', () => {
    const ballot = (eventId: string, occurredAt: string, type = 'BallotCast', assisted = false): PublicEventLike => ({
      eventId,
      type,
      schemaVersion: 1,
      streamId: 'topic-t-1',
      occurredAt,
      actor: { id: `voter-${eventId}`, kind: 'user' },
      data: { topicId: 't-1', voterId: `voter-${eventId}`, assisted },
    });
    const ballots = [
      ballot('b-1', '2026-03-02T01:00:00Z'),
      ballot('b-2', '2026-03-02T02:00:00Z', 'BallotCast', true),
      ballot('b-3', '2026-03-02T03:00:00Z', 'BallotWithdrawn'),
      ballot('b-4', '2026-03-02T17:00:00Z'),
    ];
    expect(factOf('deliberation', ballots[0], options)).toBeNull();
    const turnout = countTurnout(ballots, 'Asia/Shanghai');
    expect(Object.fromEntries(turnout)).toEqual({
      '2026-03-02': [{ day: '2026-03-02', topic_id: 't-1', ballots_cast: 2, assisted_ballots: 1, ballots_withdrawn: 1 }],
      '2026-03-03': [{ day: '2026-03-03', topic_id: 't-1', ballots_cast: 1, assisted_ballots: 0, ballots_withdrawn: 0 }],
    });
    expect(JSON.stringify([...turnout])).not.toContain('voter-');
  });
});
