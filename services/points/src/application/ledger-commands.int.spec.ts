import { handleCommand, SYSTEM_ACTOR, uuidv7, type DomainError } from '@gongzhi/eventsourcing';
import { freshTestDatabase } from '@gongzhi/testing';
import { loadPointsSettings, type PointsSettings } from '../config/load-points-config';
import { ledgerDecider } from '../domain/ledger/ledger.decider';
import type { LedgerCommand } from '../domain/ledger/ledger.commands';
import { ledgerStreamId } from '../domain/ledger/ledger.events';
import { openPointsStack, type PointsStack } from '../testing/points-stack';
import { Streams } from './streams';

const defaults = loadPointsSettings({});
const settings: PointsSettings = {
  ...defaults,
  config: {
    ...defaults.config,
    rules: defaults.config.rules.map((r) => ({ ...r, dailyCap: 100_000 })),
    burst: { maxAwards: 100_000, windowMinutes: 1 },
    levels: [],
    badges: [],
    honours: [],
  },
};

describe('ledger commands started from the kept fold (PostgreSQL store)', () => {
  let stack: PointsStack;
  beforeAll(async () => {
    stack = await openPointsStack(await freshTestDatabase('points'), settings);
  });
  afterAll(() => stack.close());

  const store = () => stack.infrastructure.eventStore;
  const metadata = () => ({ actor: SYSTEM_ACTOR, now: stack.clock.now() });
  const award = (residentId: string, sourceEventId: string): LedgerCommand => ({
    type: 'AwardPoints',
    data: {
      residentId,
      ruleId: 'adopted-suggestion',
      units: 1,
      sourceEventId,
      sourceEventType: 'SuggestionAdopted',
      sourceKey: null,
      communityId: null,
      categoryCode: null,
      confirmedBy: 'officer',
    },
  });
  const perAward = settings.config.rules.find((r) => r.id === 'adopted-suggestion')!.points;
  const awardsIn = async (residentId: string) =>
    (await store().readStream(ledgerStreamId(residentId))).events
      .filter((e) => e.type === 'PointsAwarded')
      .map((e) => (e.data as { sourceEventId: string }).sourceEventId);

  it('lands every award once when two processes and a third writer award to one resident at the same time, each redelivering the others’ sources', async () => {
    const [a, b] = [new Streams(stack.infrastructure, settings), new Streams(stack.infrastructure, settings)];
    const residentId = `resident-${uuidv7()}`;
    // Both processes hold a fold of the resident's ledger, which the others' awards make stale.
    await a.ledger(award(residentId, uuidv7()), metadata());
    await b.currentLedger(residentId);
    const sources = Array.from({ length: 30 }, () => uuidv7());
    // The third writer is the plain command path: it reads the whole stream and keeps nothing.
    const policy = await a.policy();
    const direct = (sourceEventId: string) =>
      handleCommand(
        store(),
        ledgerDecider,
        ledgerStreamId(residentId),
        award(residentId, sourceEventId),
        metadata(),
        { policy },
        { maxAttempts: 50 },
      );

    const outcomes = await Promise.allSettled(
      sources.flatMap((source, i) => [
        (i % 2 ? a : b).ledger(award(residentId, source), metadata()),
        (i % 2 ? b : a).ledger(award(residentId, source), metadata()),
        ...(i % 3 === 0 ? [direct(source)] : []),
      ]),
    );

    // A redelivered source is refused, whichever writer came second; nothing else fails.
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as DomainError).code] : []));
    expect(new Set(refusals)).toEqual(new Set(['POINTS.ALREADY_AWARDED']));
    expect(refusals.length).toBe(outcomes.length - 30);
    const landed = await awardsIn(residentId);
    expect(landed).toHaveLength(31);
    expect(new Set(landed).size).toBe(31);
    expect(landed).toEqual(expect.arrayContaining(sources));
    for (const process of [a, b]) expect((await process.currentLedger(residentId)).balance).toBe(31 * perAward);
    expect((await a.ledgerState(residentId)).state.balance).toBe(31 * perAward);
  });

  it('decides again, instead of appending, an award decided on a fold another writer has made stale', async () => {
    const [a, b] = [new Streams(stack.infrastructure, settings), new Streams(stack.infrastructure, settings)];
    const residentId = `resident-${uuidv7()}`;
    const source = uuidv7();
    await a.ledger(award(residentId, uuidv7()), metadata());
    expect((await a.currentLedger(residentId)).balance).toBe(perAward);

    // Another process awards for the source after a has read and decided, just before a appends: a decided on a fold
    // without it, so its award would be a second one for the same source.
    const append = store().appendToStream.bind(store());
    const appends = jest.spyOn(store(), 'appendToStream');
    try {
      appends.mockImplementationOnce(async (...args) => {
        await b.ledger(award(residentId, source), metadata());
        return append(...args);
      });
      await expect(a.ledger(award(residentId, source), metadata())).rejects.toMatchObject({ code: 'POINTS.ALREADY_AWARDED' });
      // a's append on the stale fold and b's award: a, refused by the store, decided again and refused the award.
      expect(appends.mock.calls.filter(([streamId]) => streamId === ledgerStreamId(residentId))).toHaveLength(2);
    } finally {
      appends.mockRestore();
    }
    expect(await awardsIn(residentId)).toHaveLength(2);
    expect((await a.currentLedger(residentId)).balance).toBe(2 * perAward);
  });

  it('reads only the events after its fold for an award, and nothing new for the next look at the points', async () => {
    const [a, b] = [new Streams(stack.infrastructure, settings), new Streams(stack.infrastructure, settings)];
    const residentId = `resident-${uuidv7()}`;
    const streamId = ledgerStreamId(residentId);
    for (let i = 0; i < 5; i++) await a.ledger(award(residentId, uuidv7()), metadata());
    await b.ledger(award(residentId, uuidv7()), metadata());

    const reads = jest.spyOn(store(), 'readStream');
    try {
      await a.ledger(award(residentId, uuidv7()), metadata());
      expect((await a.currentLedger(residentId)).balance).toBe(7 * perAward);
      const ledgerReads = reads.mock.calls.filter(([id]) => id === streamId);
      // a had folded its own 5 awards: the award reads b's (from version 6), the look after it reads nothing new.
      expect(ledgerReads).toEqual([
        [streamId, { fromVersion: 6 }],
        [streamId, { fromVersion: 8 }],
      ]);
      expect(await Promise.all(reads.mock.results.slice(-1).map(async (r) => (await r.value).events.length))).toEqual([0]);
    } finally {
      reads.mockRestore();
    }
  });
});
