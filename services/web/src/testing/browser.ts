import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { constants, deflateSync, crc32 } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['GONGZHI_CHROMIUM'] ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, in a fresh profile that is removed on close. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set GONGZHI_CHROMIUM`);
  const profile = mkdtempSync(join(tmpdir(), 'gongzhi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 412, height: 915 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Builds the web app with Vite into `outDir` (a child process, as `npm run build:web` does). */
export async function buildWebApp(root: string, outDir: string): Promise<void> {
  const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'services/web/vite.config.mts')], {
    cwd: root,
    env: { ...process.env, GONGZHI_WEB_OUT_DIR: outDir },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`vite build failed (${code}):\n${output}`);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page against WCAG 2.1 A and AA; answers the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated by the test's driver, not added as an inline <script>, which the app's Content-Security-Policy refuses.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(`
    window.axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))
  `) as Promise<AxeViolation[]>;
}

/** Polls until `check` passes (it throws or returns false while not yet), or fails with its last error. */
export async function eventually(check: () => Promise<unknown>, timeoutMs = 15_000, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      if ((await check()) !== false) return;
      failure = new Error('still false');
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) throw failure;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A small PNG of one colour with a lighter band: a stand-in for a resident's photo. */
export function photoPng(width = 160, height = 120): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const band = y > height / 3 && y < (2 * height) / 3;
      row.set(band ? [230, 200, 120] : [90, 110, 130], 1 + x * 3);
    }
    rows.push(row);
  }
  return pngOf(width, height, Buffer.concat(rows));
}

/** An RGB PNG of `width` × `height` from its filtered rows (each a 0 filter byte and the row's pixels). */
function pngOf(width: number, height: number, rows: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: constants.Z_BEST_SPEED })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A PNG of noise, which does not compress: width × height × 3 bytes, e.g. 2400 × 900 is a 6.5 MB stand-in
 * for a phone photo above the server's 5 MB limit.
 */
export function noisyPhotoPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) rows.push(Buffer.concat([Buffer.from([0]), randomBytes(width * 3)]));
  return pngOf(width, height, Buffer.concat(rows));
}
