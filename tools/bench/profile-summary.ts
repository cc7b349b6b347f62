/**
 * node tools/run-ts.mjs tools/bench/profile-summary.ts <file.cpuprofile> [--top 15]
 *
 * Where a V8 CPU profile spent its time: the frames with the most self time (function, file and line), and the
 * same self time summed by package (node_modules/<name>) or by workspace folder, so a change can be judged by
 * the frames it removes.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const argv = process.argv.slice(2);
const file = argv[0];
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [--top 15]');
const top = Number(argv.includes('--top') ? argv[argv.indexOf('--top') + 1] : 15);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

// Self time per node from the samples and the time until the next sample.
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i + 1] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const place = (url: string) => {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const rest = path.slice(inModules + 'node_modules/'.length).split('/');
    return {
      short: rest.slice(rest[0].startsWith('@') ? 2 : 1).join('/'),
      group: rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0],
    };
  }
  const workspace = path.match(/\/(services|libs|tools)\/([^/]+)\/(.*)$/);
  if (workspace) return { short: `${workspace[1]}/${workspace[2]}/${workspace[3]}`, group: `${workspace[1]}/${workspace[2]}` };
  return { short: path || '(native)', group: path.startsWith('node:') ? 'node' : path ? path : '(native)' };
};

const byFrame = new Map<string, number>();
const byGroup = new Map<string, number>();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = place(url);
  const key = `${functionName || '(anonymous)'}  ${where.short}${url ? `:${lineNumber + 1}` : ''}`;
  byFrame.set(key, (byFrame.get(key) ?? 0) + us);
  byGroup.set(where.group, (byGroup.get(where.group) ?? 0) + us);
}

const print = (title: string, rows: Map<string, number>) => {
  console.log(title);
  for (const [key, us] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
};
console.log(`profile: ${(total / 1e6).toFixed(1)} s sampled`);
print(`top ${top} frames by self time`, byFrame);
print(`top ${top} packages and folders by self time`, byGroup);
