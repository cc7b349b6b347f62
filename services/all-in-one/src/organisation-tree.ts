import { communityPlacesOf, loadReferenceData, referenceDataSourcesFromEnv } from '@gongzhi/grid-events';
import { StaticCommunityDirectory, type CommunityDirectory } from '@gongzhi/identity';
import type { Environment } from '@gongzhi/platform';

/**
 * The organisation tree and the service catalogue have one source, grid-events' reference data (the demo
 * city, or the files GONGZHI_GRID_EVENTS_* name): registration checks places against it, and the points
 * service its badges' categories.
 */
export function communityDirectoryOfTheCity(env: Environment): CommunityDirectory {
  return new StaticCommunityDirectory(communityPlacesOf(loadReferenceData(referenceDataSourcesFromEnv(env))));
}

export function categoryCodesOfTheCity(env: Environment): readonly string[] {
  return loadReferenceData(referenceDataSourcesFromEnv(env))
    .allCategories()
    .map((category) => category.code);
}
