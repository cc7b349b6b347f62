// Regenerates libs/contracts/asyncapi.yaml from the contracts; asyncapi.spec.ts fails until it is rerun.
// Run: node tools/run-ts.mjs libs/contracts/src/write-asyncapi.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi';
import { publicEvents } from './catalogue';

const target = resolve(__dirname, '../asyncapi.yaml');
writeFileSync(target, renderAsyncApiYaml(buildAsyncApiDocument(publicEvents)));
console.log(`wrote ${target}`);
