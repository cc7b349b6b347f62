import type { RebuildProgress } from './projection-runner';

/** A one-line progress bar for rebuilds on a terminal; plain lines when the output is not a terminal. */
export function renderProgress(progress: RebuildProgress, stream: NodeJS.WriteStream = process.stderr): void {
  const { projector, applied, total } = progress;
  if (total === null || total === 0) {
    stream.write(`${projector}: ${applied} events replayed\n`);
    return;
  }
  const ratio = Math.min(1, applied / total);
  const width = 30;
  const filled = Math.round(ratio * width);
  const line = `${projector} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${applied}/${total}`;
  if (stream.isTTY) stream.write(`\r${line}`);
  else stream.write(`${line}\n`);
}
