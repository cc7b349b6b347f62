import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { pooledRandomBytes } from '@gongzhi/eventsourcing';

/**
 * Every choice is padded to this many bytes before it is encrypted, so 'yes', 'abstain', a long option id
 * and a budget ballot of many projects all seal to one length. It holds the largest ballot the API lets in
 * (100 project ids as UUIDs, or one option id of 100 characters); a longer one is refused, never shortened.
 */
export const BALLOT_PLAINTEXT_BYTES = 4096;
const FORMAT = 1;
const HEADER_BYTES = 3;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The length of every sealed choice as stored (base64 of IV, tag and padded body). */
export const SEALED_CHOICE_LENGTH = Math.ceil((IV_BYTES + TAG_BYTES + BALLOT_PLAINTEXT_BYTES) / 3) * 4;

/**
 * AES-256-GCM under a key derived from the ballot secret, with a fresh IV each time, so two ballots for the
 * same option never look alike and a changed vote looks like any other. The box and ballot key are bound in
 * as associated data: a choice copied into another voter's row, or another box, no longer opens.
 */
export class BallotSeal {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    this.key = createHmac('sha256', secret).update('ballot-choice').digest();
  }

  seal(boxId: string, ballotKey: string, choice: readonly string[]): string {
    const json = Buffer.from(JSON.stringify(choice), 'utf8');
    if (HEADER_BYTES + json.length > BALLOT_PLAINTEXT_BYTES) {
      throw new Error(
        `a ballot of ${json.length} bytes does not fit the fixed ${BALLOT_PLAINTEXT_BYTES - HEADER_BYTES} bytes of a sealed choice`,
      );
    }
    const plain = Buffer.alloc(BALLOT_PLAINTEXT_BYTES);
    plain.writeUInt8(FORMAT, 0);
    plain.writeUInt16BE(json.length, 1);
    json.copy(plain, HEADER_BYTES);
    const iv = pooledRandomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(associatedData(boxId, ballotKey));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(boxId: string, ballotKey: string, sealed: string): string[] {
    if (sealed.length !== SEALED_CHOICE_LENGTH) throw tampered(boxId);
    const plain = this.decrypt(sealed, associatedData(boxId, ballotKey), boxId);
    const length = plain.readUInt16BE(1);
    if (plain.readUInt8(0) !== FORMAT || HEADER_BYTES + length > plain.length) throw tampered(boxId);
    return JSON.parse(plain.subarray(HEADER_BYTES, HEADER_BYTES + length).toString('utf8'));
  }

  /** A choice sealed by an older version: unpadded JSON, no associated data. Read once, to seal it again. */
  openLegacy(boxId: string, sealed: string): string[] {
    return JSON.parse(this.decrypt(sealed, null, boxId).toString('utf8'));
  }

  private decrypt(sealed: string, aad: Buffer | null, boxId: string): Buffer {
    const bytes = Buffer.from(sealed, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      if (aad) decipher.setAAD(aad);
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw tampered(boxId);
    }
  }
}

const associatedData = (boxId: string, ballotKey: string) => Buffer.from(`ballot-choice\u0000${boxId}\u0000${ballotKey}`, 'utf8');

/** Counting stops rather than publish a count that includes a ballot the secret did not seal. */
const tampered = (boxId: string) =>
  new Error(
    `the ballot box ${boxId} holds a choice that does not open with the ballot secret (altered, moved between rows, or sealed under another secret): not counting it`,
  );
