import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/**
 * One secret ballot: a box (a topic, or a budget pool's vote), a key that is an HMAC of the voter with the
 * ballot secret, and the choice, sealed to one fixed length. Deliberately no time, no voter id and no
 * sequence: on SQLite the table has no rowid, so rows sit in the order of their keyed hash, not of their
 * arrival, and neither a row nor its neighbours lead back to the public BallotCast event of the same moment.
 */
@Entity('deliberation_ballots', { withoutRowid: true })
export class SecretBallot {
  @PrimaryColumn('varchar', { name: 'box_id', length: 200 })
  boxId!: string;

  @PrimaryColumn('varchar', { name: 'ballot_key', length: 64 })
  ballotKey!: string;

  /** The chosen option (or project) ids, padded to one length and encrypted (see BallotSeal). */
  @Column('text')
  choice!: string;

  /**
   * Recorded by staff for the resident (入户走访). Counted, never linked to a choice: the choice stays
   * encrypted, and BallotCast already says publicly which voters were assisted.
   */
  @Column('boolean', { default: false })
  assisted!: boolean;
}

/** A sealed box takes no more ballots; sealing is what closing a vote starts with. */
@Entity('deliberation_ballot_box_seals')
export class BallotBoxSeal {
  @PrimaryColumn('varchar', { name: 'box_id', length: 200 })
  boxId!: string;

  @InstantColumn({ name: 'sealed_at' })
  sealedAt!: string;
}

/**
 * Keys the service generates for itself (the consent-code key). No ballot key: an older version kept one
 * here as 'ballot-key'; opening the box moves it out to the ballot secret's file (see settleBallotSecret).
 */
@Entity('deliberation_secrets')
export class ServiceSecret {
  @PrimaryColumn('varchar', { length: 100 })
  name!: string;

  @Column('varchar', { length: 200 })
  value!: string;
}
