import { readFileSync } from 'node:fs';
import { generateWebApiTypes, WEB_API_TYPES_FILE } from './web-api-types';

describe("the web app's API types (services/web/src/app/api-types.ts)", () => {
  it('are what the OpenAPI document the host serves generates now, so the app cannot drift from the API', async () => {
    const committed = readFileSync(WEB_API_TYPES_FILE, 'utf8');
    const generated = await generateWebApiTypes();
    // A failure here means a route, body or query changed: run `npm run web:api-types` and commit the file.
    expect(committed).toEqual(generated);
  });

  it('name the routes the resident pages call, with their path parameters and bodies', async () => {
    const types = readFileSync(WEB_API_TYPES_FILE, 'utf8');
    for (const path of ["'/api/cases'", "'/api/cases/{caseId}'", "'/api/points/me'"]) expect(types).toContain(`readonly ${path}: {`);
  });
});
