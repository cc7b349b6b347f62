import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { freshTestDatabase } from '@gongzhi/testing';
import { Account } from './account.entity';
import { IDENTITY_ENTITIES, openIdentityDataSource } from './identity-data-source';

const createdAt = new Date('2026-03-01T02:00:00.000Z');
const verifiedAt = new Date('2026-03-02T09:15:30.250Z');

/**
 * The issuer's schema on PostgreSQL is synchronised from its entities. Its times were ISO text before they became
 * timestamptz; a synchronise alone would drop those columns and every account's times with them.
 */
describe('the issuer’s accounts on PostgreSQL moving to timestamptz', () => {
  it('keeps every account’s times when the issuer starts on a schema the release before made', async () => {
    const url = await freshTestDatabase('identity_instants');
    // The release before: plain TypeORM, the times as varchar(30) ISO text.
    const before = await new DataSource({ type: 'postgres', url, entities: IDENTITY_ENTITIES, synchronize: true }).initialize();
    try {
      await before.getRepository(Account).save({
        id: 'a-1',
        username: 'wang.fang',
        displayName: '王芳',
        passwordHash: 'x',
        roles: ['resident'],
        scope: {},
        verification: 'verified',
        phone: null,
        failedLogins: 0,
        lockedUntil: null,
        verifiedAt,
        disabledAt: null,
        verifiedBy: 'officer-1',
        createdAt,
      });
      const [{ data_type }] = await before.query(
        `SELECT data_type FROM information_schema.columns WHERE table_name = 'identity_accounts' AND column_name = 'createdAt'`,
      );
      expect(data_type).toBe('character varying');
    } finally {
      await before.destroy();
    }

    const issuer = await openIdentityDataSource({ database: { type: 'postgres', url } });
    try {
      const account = await issuer.getRepository(Account).findOneByOrFail({ id: 'a-1' });
      expect(account).toMatchObject({ createdAt, verifiedAt, lockedUntil: null, disabledAt: null });
    } finally {
      await issuer.destroy();
    }
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT DISTINCT data_type FROM information_schema.columns WHERE table_name = 'identity_accounts' AND column_name IN ('createdAt', 'verifiedAt', 'lockedUntil', 'disabledAt')`,
      );
      expect(rows).toEqual([{ data_type: 'timestamp with time zone' }]);
    } finally {
      await client.end();
    }
  });
});
