import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { platformDataSource } from '@gongzhi/persistence';
import { ManualClock } from '@gongzhi/eventsourcing';
import { freshTestDatabase } from '@gongzhi/testing';
import { deliberationService } from '../index';
import { BallotBox } from './ballot-box';
import { SecretBallot } from './ballot-box.entities';

/**
 * On PostgreSQL the ballots cast at the same moment go into the box together, in one transaction. The batch
 * must not become a way around the box's promises: one ballot per resident, a sealed box refuses, and one
 * refusal does not take the rest of the batch down with it.
 */
describe('ballots batched into one transaction (PostgreSQL)', () => {
  let dataSource: DataSource;
  let box: BallotBox;
  const clock = new ManualClock(new Date('2026-05-04T02:00:00Z'));

  beforeAll(async () => {
    dataSource = await platformDataSource({
      type: 'postgres',
      url: await freshTestDatabase('ballot_batches'),
      entities: [...deliberationService.entities],
      synchronize: true,
    }).initialize();
    box = await BallotBox.open(dataSource, clock, Buffer.from('batch-secret-0123456789abcdef0123456789'));
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('keeps one ballot for a resident who votes twice in the same batch: the later choice', async () => {
    const topicId = randomUUID();
    const queries = jest.spyOn(Client.prototype, 'query');
    await Promise.all([
      box.cast(topicId, 'resident-1', ['yes']),
      box.cast(topicId, 'resident-2', ['no']),
      box.cast(topicId, 'resident-1', ['no']),
      box.cast(topicId, 'resident-1', ['abstain']),
    ]);
    expect(queries).toHaveBeenCalledTimes(1); // the four went together, in one round trip
    queries.mockRestore();

    expect(await box.ballotCount(topicId)).toBe(2);
    expect(await box.choiceOf(topicId, 'resident-1')).toEqual(['abstain']);
    expect(await box.sealAndCount(topicId)).toEqual(Object.assign(Object.create(null), { no: 1, abstain: 1 }));
  });

  it('refuses the ballots for a sealed box and keeps every other ballot of the same batch', async () => {
    const sealed = randomUUID();
    const open = randomUUID();
    await box.cast(sealed, 'resident-9', ['yes']);
    await box.sealAndCount(sealed);

    const outcomes = await Promise.allSettled([
      box.cast(open, 'resident-1', ['yes']),
      box.cast(sealed, 'resident-2', ['yes']),
      box.cast(open, 'resident-3', ['no']),
      box.cast(sealed, 'resident-9', ['no']),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as { code: string }).code)).toEqual([
      'VOTING.CLOSED',
      'VOTING.CLOSED',
    ]);
    expect(await box.ballotCount(open)).toBe(2);
    expect(await box.ballotCount(sealed)).toBe(1);
    expect(await box.choiceOf(sealed, 'resident-9')).toEqual(['yes']); // the sealed count stands
  });

  it('counts every ballot committed before the seal and refuses every one after, however they race', async () => {
    const topicId = randomUUID();
    const voters = Array.from({ length: 300 }, (_, n) => `resident-${n}`);
    const casting = voters.map((voter, n) =>
      // The seal lands while the later ballots are still arriving.
      (n === 150 ? box.sealAndCount(topicId) : Promise.resolve()).then(() => box.cast(topicId, voter, ['yes'])),
    );
    const outcomes = await Promise.allSettled(casting);
    const accepted = outcomes.filter((o) => o.status === 'fulfilled').length;
    const counted = await box.sealAndCount(topicId);

    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => (o.reason as { code: string }).code === 'VOTING.CLOSED')).toBe(
      true,
    );
    expect(counted.yes ?? 0).toBe(accepted);
    expect(await dataSource.getRepository(SecretBallot).countBy({ boxId: topicId })).toBe(accepted);
  });

  it("takes a box id holding quotes and backslashes as plain text, never as SQL (the batch's values go in as literals)", async () => {
    const boxId = `budget-${randomUUID()}'); DROP TABLE deliberation_ballots; --\\'`;
    await Promise.all([box.cast(boxId, 'resident-1', ['yes']), box.cast(boxId, 'resident-2', ['no'])]);
    expect(await box.ballotCount(boxId)).toBe(2);
    expect(await box.choiceOf(boxId, 'resident-2')).toEqual(['no']);
    expect(await box.sealAndCount(boxId)).toEqual(Object.assign(Object.create(null), { yes: 1, no: 1 }));
  });

  it('stores no choice and no voter in the clear, batched or not', async () => {
    const topicId = randomUUID();
    await Promise.all([box.cast(topicId, 'resident-77', ['yes']), box.cast(topicId, 'resident-78', ['no'])]);
    const rows = await dataSource.query(`SELECT * FROM deliberation_ballots WHERE box_id = $1`, [topicId]);
    const dump = JSON.stringify(rows);
    expect(rows).toHaveLength(2);
    expect(dump).not.toMatch(/resident-7[78]|"yes"|"no"/);
    expect(new Set(rows.map((r: { choice: string }) => r.choice.length)).size).toBe(1);
  });
});
