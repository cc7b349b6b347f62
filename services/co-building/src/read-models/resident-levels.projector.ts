import { residentLevelsProjector as keepResidentLevels } from '@gongzhi/projections';
import { ResidentPrivilegesView } from './activities-views.entity';

/** Co-building's copy of each resident's level (`cb_resident_privileges`), read by the early sign-up check. */
export const residentLevelsProjector = keepResidentLevels('co-building.resident-levels', ResidentPrivilegesView);
