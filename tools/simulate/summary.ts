import { byStatus } from './tally';

export function progress(done: number, planned: number, startedAt: number, duration: number): string {
  const width = 30;
  const elapsed = Math.min(duration, (Date.now() - startedAt) / 1000);
  const share = Math.min(1, elapsed / duration);
  const filled = Math.round(share * width);
  const errors = [...byStatus].filter(([status]) => Number(status) >= 400).reduce((sum, [, n]) => sum + n, 0);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${done}/${planned} actions  ${Math.ceil(duration - elapsed)} s left  ${errors} refused`;
}

export function table(title: string, rows: [string, number][]): string {
  const width = Math.max(...rows.map(([k]) => k.length), 10);
  return [title, ...rows.map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(6)}`)].join('\n');
}
