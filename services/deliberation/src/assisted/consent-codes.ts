import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, type Clock } from '@gongzhi/eventsourcing';
import { ServiceSecret } from '../ballot-box/ballot-box.entities';
import type { Caller } from '../domain/caller';
import { ConsentCode } from './consent-code.entity';

export const CONSENT_CODE_TTL_MS = 10 * 60_000;
export const CONSENT_CODE_DIGITS = 6;
/** Wrong guesses after which the resident's live code is burnt (a 6-digit code must not be guessable). */
export const MAX_FAILED_ATTEMPTS = 5;

/** Who the code stands for, as the resident's own token said when they generated it. */
export interface ConsentingResident {
  readonly residentId: string;
  readonly communityId: string | null;
  readonly gridId: string | null;
  readonly verification: 'unverified' | 'verified';
}

const invalid = (why: string) => new DomainError('ASSISTED.CONSENT_INVALID', `consent.code: ${why}`, { field: 'consent.code' });

/**
 * One-time consent codes: the resident's phone shows a short code, the visiting grid worker or officer
 * types it in with the assisted record. Only an HMAC of the code is kept; a code is spent once.
 */
export class ConsentCodes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secret: Buffer,
    private readonly clock: Clock,
  ) {}

  static async open(dataSource: DataSource, clock: Clock): Promise<ConsentCodes> {
    const secrets = dataSource.getRepository(ServiceSecret);
    await secrets
      .createQueryBuilder()
      .insert()
      .values({ name: 'consent-code-key', value: randomBytes(32).toString('hex') })
      .orIgnore()
      .execute();
    const { value } = await secrets.findOneByOrFail({ name: 'consent-code-key' });
    return new ConsentCodes(dataSource, Buffer.from(value, 'hex'), clock);
  }

  private hash(residentId: string, code: string): string {
    return createHmac('sha256', this.secret).update(`consent-code\u0000${residentId}\u0000${code}`).digest('hex');
  }

  /** A fresh code for the resident, replacing any earlier one. */
  async issue(resident: Caller): Promise<{ code: string; expiresAt: string }> {
    const code = String(randomInt(0, 10 ** CONSENT_CODE_DIGITS)).padStart(CONSENT_CODE_DIGITS, '0');
    const expiresAt = new Date(this.clock.now().getTime() + CONSENT_CODE_TTL_MS).toISOString();
    await this.dataSource.getRepository(ConsentCode).save({
      residentId: resident.subject,
      codeHash: this.hash(resident.subject, code),
      communityId: resident.scope.communityId ?? null,
      gridId: resident.scope.gridId ?? null,
      verification: resident.verification,
      expiresAt,
      usedAt: null,
      failedAttempts: 0,
    });
    return { code, expiresAt };
  }

  /** Checks the code without spending it; a wrong code counts against the live one. */
  async check(residentId: string, code: string): Promise<ConsentingResident> {
    const repository = this.dataSource.getRepository(ConsentCode);
    const row = await repository.findOneBy({ residentId });
    if (!row || row.usedAt !== null || row.failedAttempts >= MAX_FAILED_ATTEMPTS)
      throw invalid('no live consent code for this resident: ask them to generate one');
    if (Date.parse(row.expiresAt) <= this.clock.now().getTime()) throw invalid('the consent code expired: ask the resident for a new one');
    const expected = Buffer.from(row.codeHash, 'hex');
    const given = Buffer.from(this.hash(residentId, code.trim()), 'hex');
    if (!timingSafeEqual(expected, given)) {
      await repository.increment({ residentId, codeHash: row.codeHash }, 'failedAttempts', 1);
      throw invalid('the consent code does not match');
    }
    return {
      residentId,
      communityId: row.communityId,
      gridId: row.gridId,
      verification: row.verification === 'verified' ? 'verified' : 'unverified',
    };
  }

  /** Spends the code; refused when another record spent it first. */
  async spend(residentId: string, code: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(ConsentCode)
      .createQueryBuilder()
      .update()
      .set({ usedAt: this.clock.now().toISOString() })
      .where('resident_id = :residentId AND code_hash = :hash AND used_at IS NULL', {
        residentId,
        hash: this.hash(residentId, code.trim()),
      })
      .execute();
    if (!result.affected) throw invalid('the consent code was already used');
  }
}

export const CONSENT_CODES = Symbol('CONSENT_CODES');
