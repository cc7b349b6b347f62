import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePortPair } from './free-port';

const run = promisify(execFile);
const KAFKA_SH = resolve(__dirname, '../../../../deploy/kafka/kafka.sh');

export interface RunningKafka {
  readonly brokers: string[];
  stop(): Promise<void>;
  /** Stops the broker and starts it again on the same port and data (a broker restart). */
  restart(): Promise<void>;
}

export interface StartKafkaOptions {
  readonly dataDir?: string;
  readonly port?: number;
}

/** Starts a real single-node Kafka broker through deploy/kafka/kafka.sh (fetching the jars on first use). */
export async function startKafka(options: StartKafkaOptions = {}): Promise<RunningKafka> {
  const temporary = options.dataDir === undefined;
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gongzhi-kafka-'));
  const port = options.port ?? (await freePortPair());
  const kafka = (command: string) =>
    run('bash', [KAFKA_SH, command, '--dir', dir, '--port', String(port)], { maxBuffer: 16 * 1024 * 1024 });
  await kafka('start');
  return {
    brokers: [`127.0.0.1:${port}`],
    async stop() {
      await kafka('stop');
      if (temporary) rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await kafka('stop');
      await kafka('start');
    },
  };
}
