import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@gongzhi/eventsourcing';
import { createOpenApiDocument, defaultEdgeConfig } from '@gongzhi/platform';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { demoModules } from '../../services/all-in-one/src/demo/demo-modules';
import { SERVICES } from '../../services/all-in-one/src/services';
import { HOST_OPEN_API } from '../../services/all-in-one/src/open-api-title';

const ROOT = resolve(__dirname, '../..');
/** Where the web app reads the platform's request and answer shapes from. */
export const WEB_API_TYPES_FILE = join(ROOT, 'services/web/src/app/api-types.ts');

const HEADER = `// Generated from the platform's OpenAPI document by \`npm run web:api-types\`: do not edit by hand.
// tools/web-api-types/web-api-types.e2e.spec.ts fails when this file and the document part.
`;

/**
 * The web app's types of the platform's API, from the document the (demo) host serves at /docs-json: every
 * service booted in-process (embedded stores, nothing listening), its document built, then openapi-typescript.
 */
export async function generateWebApiTypes(): Promise<string> {
  // As the demo host serves it: with the demo clock, which the admin's console reads.
  const clock = new ManualClock(new Date('2026-01-01T00:00:00.000Z'));
  const app: TestApp = await startTestApp(SERVICES, {
    clock,
    imports: demoModules(defaultEdgeConfig({ demoData: true }), clock, () => app.platform),
  });
  let document: object;
  try {
    document = createOpenApiDocument(app.app, HOST_OPEN_API);
  } finally {
    await app.close();
  }
  return typesOf(document);
}

function run(bin: string, args: readonly string[], input?: string): string {
  return execFileSync(process.execPath, [join(ROOT, 'node_modules', bin), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    input,
    // The document's types run to megabytes; the default 1 MiB buffer would cut them off.
    maxBuffer: 64 * 1024 * 1024,
  });
}

function typesOf(document: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-api-types-'));
  try {
    const input = join(dir, 'openapi.json');
    writeFileSync(input, JSON.stringify(document));
    // openapi-typescript and prettier load ES modules, which jest's CommonJS registry cannot: their CLIs run them.
    const types = run('openapi-typescript/bin/cli.js', [input, '--immutable', '--alphabetize']);
    return run('prettier/bin/prettier.cjs', ['--stdin-filepath', WEB_API_TYPES_FILE], HEADER + types);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
