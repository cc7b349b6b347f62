/**
 * npm run bench:ledger [-- --awards 2000]
 *
 * Awards points to one resident, one command at a time, through the points service's real command path
 * (Streams.ledger → handleCommand) on an embedded in-memory SQLite store, and prints the CPU each of the
 * last 100 awards took on average: what a busy resident's long history costs every new award.
 */
import { SYSTEM_ACTOR, uuidv7 } from '@gongzhi/eventsourcing';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import type { ServiceInfrastructure } from '@gongzhi/runtime';
import { Streams } from '../../services/points/src/application/streams';
import { ledgerStreamId } from '../../services/points/src/domain/ledger/ledger.events';
import { loadPointsSettings, type PointsSettings } from '../../services/points/src/config/load-points-config';
import { argNumber } from './bench-support';

const awards = argNumber('awards', 2_000);
const LAST = 100;

async function main() {
  const defaults = loadPointsSettings({});
  const settings: PointsSettings = {
    ...defaults,
    config: {
      ...defaults.config,
      rules: defaults.config.rules.map((r) => ({ ...r, dailyCap: 1_000_000 })),
      burst: { maxAwards: 1_000_000, windowMinutes: 1 },
    },
  };
  const store = SqliteEventStore.open(':memory:');
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const infrastructure = { eventStore: store, clock: { now: () => new Date(clock) } } as unknown as ServiceInfrastructure;
  const streams = new Streams(infrastructure, settings);
  const ruleId = settings.config.rules[0].id;
  let cpu = 0;
  for (let i = 1; i <= awards; i++) {
    clock += 3_600_000;
    const before = process.cpuUsage();
    await streams.ledger(
      {
        type: 'AwardPoints',
        data: {
          residentId: 'busy-resident',
          ruleId,
          units: 1,
          sourceEventId: uuidv7(clock),
          sourceEventType: 'Bench',
          sourceKey: null,
          communityId: null,
          categoryCode: null,
          confirmedBy: null,
        },
      },
      { actor: SYSTEM_ACTOR, now: new Date(clock) },
    );
    const used = process.cpuUsage(before);
    if (i > awards - LAST) cpu += used.user + used.system;
  }
  const { state } = await streams.ledgerState('busy-resident');
  console.log(
    `ledger_bench awards=${awards} events=${(await store.readStream(ledgerStreamId('busy-resident'))).streamVersion} balance=${state.balance} cpu_per_award_last_${LAST}_ms=${(cpu / LAST / 1000).toFixed(3)}`,
  );
  await store.close();
}

void main();
