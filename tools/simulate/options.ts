import { parseTargets } from '../simulate-targets';

export interface Options {
  readonly rate: number;
  readonly duration: number;
  readonly url: string;
}

export function parseOptions(argv: readonly string[]): Options {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run simulate -- --rate <actions/s> --duration <s> [--url http://localhost:3000]\n');
      process.exit(0);
    }
    const match = /^--(rate|duration|url)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg} (expected --rate, --duration, --url)`);
    options[match[1]] = match[2] ?? argv[++i] ?? '';
  }
  const rate = Number(options['rate'] ?? 2);
  const duration = Number(options['duration'] ?? 60);
  const url = options['url'] ?? process.env['GONGZHI_URL'] ?? 'http://localhost:3000';
  if (!(rate > 0 && rate <= 500)) throw new Error(`--rate: expected actions per second between 0 and 500, got "${options['rate']}"`);
  if (!(duration > 0)) throw new Error(`--duration: expected seconds above 0, got "${options['duration']}"`);
  parseTargets(url); // fails here, naming the option, before anything is sent
  return { rate, duration, url };
}
