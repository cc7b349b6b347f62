import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { runMain } from '@gongzhi/platform';
import { generateWebApiTypes, WEB_API_TYPES_FILE } from './web-api-types';

// npm run web:api-types: rewrites the web app's API types after a route, a body or a query changed.
runMain(async () => {
  writeFileSync(WEB_API_TYPES_FILE, await generateWebApiTypes());
  process.stdout.write(`Wrote ${WEB_API_TYPES_FILE}\n`);
});
