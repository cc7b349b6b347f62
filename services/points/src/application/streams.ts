import { Inject, Injectable } from '@nestjs/common';
import {
  ConcurrencyConflictError,
  fold,
  FoldedStreams,
  handleCommand,
  uuidv7,
  type CommandMetadata,
  type RecordedEvent,
} from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { PointsSettings } from '../config/load-points-config';
import { ledgerDecider } from '../domain/ledger/ledger.decider';
import type { LedgerCommand } from '../domain/ledger/ledger.commands';
import type { LedgerPolicy } from '../domain/ledger/ledger.context';
import { ledgerStreamId, type LedgerEvent } from '../domain/ledger/ledger.events';
import type { LedgerState } from '../domain/ledger/ledger.state';
import { rewardDecider, rewardStreamId, type RewardCommand, type RewardEvent, type RewardState } from '../domain/rewards/reward.decider';
import {
  effectiveRules,
  RULES_STREAM_ID,
  rulesDecider,
  type RulesCommand,
  type RulesEvent,
  type RulesState,
} from '../domain/rules/rules.decider';
import type { TimeBankCommand } from '../domain/time-bank/time-bank.commands';
import {
  timeBankDecider,
  timeBankStreamId,
  type TimeBankEvent,
  type TimeBankLookups,
  type TimeBankState,
} from '../domain/time-bank/time-bank.decider';
import { contestDecider } from '../domain/contest/contest.decider';
import type { ContestCommand } from '../domain/contest/contest.commands';
import { contestStreamId, type ContestEvent } from '../domain/contest/contest.events';
import type { ContestState } from '../domain/contest/contest.state';
import { KeyedMutex } from './keyed-mutex';
import { POINTS_SETTINGS } from './points-settings.token';

/** Attempts per command, re-reading at once, in each of ROUNDS rounds; between rounds a random pause lets another process's queue drain. */
const MAX_ATTEMPTS = 5;
const ROUNDS = 4;

async function withBackoff<T>(work: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || round >= ROUNDS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * round));
    }
  }
}

const asDomain = <E>(events: readonly RecordedEvent[]) =>
  events.map((e) => ({ type: e.type, data: e.data, schemaVersion: e.schemaVersion }) as unknown as E);

/** The service's aggregates, each command run through its decider one at a time per stream in this process. */
@Injectable()
export class Streams {
  private readonly mutex = new KeyedMutex();

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(POINTS_SETTINGS) private readonly settings: PointsSettings,
  ) {
    this.folded = {
      ledgers: new FoldedStreams(infrastructure.eventStore, ledgerDecider),
      rules: new FoldedStreams(infrastructure.eventStore, rulesDecider, 1),
    };
  }

  private get store() {
    return this.infrastructure.eventStore;
  }

  now(): Date {
    return this.infrastructure.clock.now();
  }

  newId(): string {
    return uuidv7(this.now().getTime());
  }

  /**
   * Residents' ledgers and the rules as last read, brought up to date with only the events since: a ledger folds
   * by copying its awards at each award, so folding a year of a busy resident's awards anew for every look at
   * their points would grow with the square of their awards. Ledger commands start from the same folds, so an
   * award reads only the events since the last use, and the next look at the points reads nothing new.
   */
  private readonly folded: {
    readonly ledgers: FoldedStreams<LedgerState, LedgerEvent>;
    readonly rules: FoldedStreams<RulesState, RulesEvent>;
  };

  /** The policy last built and the rules' fold it was built from: the fold is the same object until the rules change. */
  private lastPolicy?: { readonly rules: RulesState; readonly policy: LedgerPolicy };

  async policy(): Promise<LedgerPolicy> {
    const rules = await this.folded.rules.current(RULES_STREAM_ID);
    if (this.lastPolicy?.rules !== rules) {
      const policy: LedgerPolicy = Object.freeze({
        ...this.settings.config,
        rules: effectiveRules(this.settings.config.rules, rules),
        phases: rules.phases,
        rulesVersion: rules.version,
      });
      this.lastPolicy = { rules, policy };
    }
    return this.lastPolicy.policy;
  }

  async rulesState(): Promise<RulesState> {
    return fold(rulesDecider, asDomain<RulesEvent>((await this.store.readStream(RULES_STREAM_ID)).events));
  }

  /** A resident's ledger as it stands, without its events (see `ledgerState` for those). */
  currentLedger(residentId: string): Promise<LedgerState> {
    return this.folded.ledgers.current(ledgerStreamId(residentId));
  }

  async ledgerState(residentId: string): Promise<{ state: LedgerState; events: readonly RecordedEvent[] }> {
    const { events } = await this.store.readStream(ledgerStreamId(residentId));
    return { state: fold(ledgerDecider, asDomain<LedgerEvent>(events)), events };
  }

  async rewardState(rewardId: string): Promise<RewardState> {
    return fold(rewardDecider, asDomain<RewardEvent>((await this.store.readStream(rewardStreamId(rewardId))).events));
  }

  async timeBankState(residentId: string): Promise<{ state: TimeBankState; events: readonly RecordedEvent[] }> {
    const { events } = await this.store.readStream(timeBankStreamId(residentId));
    return { state: fold(timeBankDecider, asDomain<TimeBankEvent>(events)), events };
  }

  /** Whether this service has ever heard of the resident (points, a profile or hours). */
  async knowsResident(residentId: string): Promise<boolean> {
    for (const streamId of [ledgerStreamId(residentId), timeBankStreamId(residentId)]) {
      if ((await this.store.readStream(streamId, { maxCount: 1 })).streamExists) return true;
    }
    return false;
  }

  async ledger(command: LedgerCommand, metadata: CommandMetadata) {
    const streamId = ledgerStreamId(command.data.residentId);
    return withBackoff(() =>
      this.mutex.run(streamId, async () =>
        handleCommand(
          this.store,
          ledgerDecider,
          streamId,
          command,
          metadata,
          { policy: await this.policy() },
          { maxAttempts: MAX_ATTEMPTS, folded: this.folded.ledgers },
        ),
      ),
    );
  }

  reward(command: RewardCommand, metadata: CommandMetadata) {
    const streamId = rewardStreamId(command.data.rewardId);
    return withBackoff(() =>
      this.mutex.run(streamId, () =>
        handleCommand(this.store, rewardDecider, streamId, command, metadata, {}, { maxAttempts: MAX_ATTEMPTS }),
      ),
    );
  }

  timeBank(command: TimeBankCommand, metadata: CommandMetadata, context: TimeBankLookups = {}) {
    const streamId = timeBankStreamId(command.data.residentId);
    return withBackoff(() =>
      this.mutex.run(streamId, () =>
        handleCommand(this.store, timeBankDecider, streamId, command, metadata, context, { maxAttempts: MAX_ATTEMPTS }),
      ),
    );
  }

  async contestState(contestId: string): Promise<ContestState> {
    return fold(contestDecider, asDomain<ContestEvent>((await this.store.readStream(contestStreamId(contestId))).events));
  }

  contest(command: ContestCommand, metadata: CommandMetadata) {
    const streamId = contestStreamId(command.data.contestId);
    return withBackoff(() =>
      this.mutex.run(streamId, () =>
        handleCommand(this.store, contestDecider, streamId, command, metadata, {}, { maxAttempts: MAX_ATTEMPTS }),
      ),
    );
  }

  rules(command: RulesCommand, metadata: CommandMetadata) {
    return this.mutex.run(RULES_STREAM_ID, () =>
      handleCommand(
        this.store,
        rulesDecider,
        RULES_STREAM_ID,
        command,
        metadata,
        { fileRules: this.settings.config.rules },
        { maxAttempts: MAX_ATTEMPTS },
      ),
    );
  }
}
