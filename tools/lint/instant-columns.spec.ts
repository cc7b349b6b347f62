import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { handMadeTimeColumns } from '@gongzhi/persistence';

// Every point in time an entity of the platform keeps is an `@InstantColumn` (docs/services.md): a time column declared
// by hand would stay text on PostgreSQL, where it sorts and compares as text. The rule itself, proven on a planted
// entity, is in libs/persistence/src/hand-made-time-columns.spec.ts.

const root = resolve(__dirname, '../..');

function entityFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : entityFiles(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return /@Entity\(/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

describe('time columns of every entity', () => {
  const files = ['libs', 'services'].flatMap((folder) => entityFiles(join(root, folder)));

  it('finds the entities of every service and lib', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('are all declared with @InstantColumn', async () => {
    for (const file of files) await import(file);
    const columns = getMetadataArgsStorage().columns;
    expect(columns.length).toBeGreaterThan(200);
    expect(handMadeTimeColumns(columns)).toEqual([]);
  });
});
