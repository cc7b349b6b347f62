import type { DataSource } from 'typeorm';
import { ballotSecretBytes, BALLOT_SECRET_VARIABLE, hexSecretText, writeBallotSecretFile, type BallotSecretSource } from './ballot-secret';
import { SecretBallot, ServiceSecret } from './ballot-box.entities';
import { SEALED_CHOICE_LENGTH, type BallotSeal } from './ballot-seal';

/** The row an older version kept its generated ballot key in. */
export const LEGACY_KEY_NAME = 'ballot-key';
const ROWID_TABLE = 'deliberation_ballots_rowid';

/**
 * The ballot secret's bytes, after moving a key an older version kept in `deliberation_secrets` out of the
 * database, once. Embedded: the key goes to `<dataDir>/ballot-secret` (0600), then the row is deleted.
 * Otherwise (a configured secret, or a file already there) the row is deleted only when the configured
 * secret is that very key (`hex:<value>`); any other secret would leave the box's ballots unopenable, so the
 * start is refused with what to do.
 */
export async function settleBallotSecret(dataSource: DataSource, source: BallotSecretSource): Promise<Buffer> {
  const secrets = dataSource.getRepository(ServiceSecret);
  const legacy = await secrets.findOneBy({ name: LEGACY_KEY_NAME });
  if (!legacy) return ballotSecretBytes(source.kind === 'none' ? writeBallotSecretFile(source.path) : source.text);
  const moved = hexSecretText(legacy.value);
  const kept = source.kind === 'none' ? writeBallotSecretFile(source.path, moved) : source.text;
  if (kept !== moved) {
    const where = source.kind === 'environment' ? BALLOT_SECRET_VARIABLE : source.path;
    throw new Error(
      `The ballot key of the existing ballots is still in the database (table deliberation_secrets, name '${LEGACY_KEY_NAME}') and ${where} holds another secret: ` +
        `set ${where} to 'hex:' followed by that row's value once (the service then deletes the row), or the ballots already cast could not be counted`,
    );
  }
  await secrets.delete({ name: LEGACY_KEY_NAME });
  return ballotSecretBytes(moved);
}

/**
 * Brings a box written by an older version to today's form: on SQLite the table is rebuilt without a rowid
 * (whose order was the order of arrival); every choice sealed in the old variable-length form is sealed again
 * at the fixed length. Opening the box then compacts the file, so no page keeps an old row or length behind.
 */
export async function upgradeBallotBox(dataSource: DataSource, seal: BallotSeal): Promise<void> {
  const sqlite = dataSource.options.type === 'better-sqlite3';
  if (sqlite) await rebuildWithoutRowid(dataSource);
  await dataSource.transaction(async (m) => {
    const legacy = await m
      .getRepository(SecretBallot)
      .createQueryBuilder('ballot')
      .where('LENGTH(ballot.choice) <> :length', { length: SEALED_CHOICE_LENGTH })
      .getMany();
    for (const row of legacy) {
      const choice = seal.seal(row.boxId, row.ballotKey, seal.openLegacy(row.boxId, row.choice));
      await m.getRepository(SecretBallot).update({ boxId: row.boxId, ballotKey: row.ballotKey }, { choice });
    }
  });
}

async function rebuildWithoutRowid(dataSource: DataSource): Promise<void> {
  const table = dataSource.getMetadata(SecretBallot).tableName;
  const sqlOf = async (name: string): Promise<string | null> =>
    ((await dataSource.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [name])) as { sql: string }[])[0]?.sql ??
    null;
  const current = await sqlOf(table);
  if (current && !/WITHOUT\s+ROWID/i.test(current)) {
    await dataSource.query(`ALTER TABLE "${table}" RENAME TO "${ROWID_TABLE}"`);
  }
  if ((await sqlOf(ROWID_TABLE)) === null) return;
  // The entity says WITHOUT ROWID: synchronising creates the table afresh in that form.
  await dataSource.synchronize();
  await dataSource.transaction(async (m) => {
    await m.query(
      `INSERT OR IGNORE INTO "${table}" (box_id, ballot_key, choice, assisted) SELECT box_id, ballot_key, choice, assisted FROM "${ROWID_TABLE}" ORDER BY box_id, ballot_key`,
    );
    await m.query(`DROP TABLE "${ROWID_TABLE}"`);
  });
}
