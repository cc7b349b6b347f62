import { loadReferenceData, referenceDataSourcesFromEnv } from '@gongzhi/grid-events';
import type { Environment } from '@gongzhi/platform';

/**
 * The service catalogue has one source, grid-events' reference data (the demo city, or the files
 * GONGZHI_GRID_EVENTS_* name): the points service checks its badges' categories against it. (The organisation
 * tree comes from the same files: `cityTreeFromEnv`.)
 */
export function categoryCodesOfTheCity(env: Environment): readonly string[] {
  return loadReferenceData(referenceDataSourcesFromEnv(env))
    .allCategories()
    .map((category) => category.code);
}
