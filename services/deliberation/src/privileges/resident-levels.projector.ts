import { residentLevelsProjector as keepResidentLevels } from '@gongzhi/projections';
import { ResidentPrivilegesView } from './privileges-views.entity';

/** Deliberation's copy of each resident's level (`dl_resident_privileges`), read by its privilege checks. */
export const residentLevelsProjector = keepResidentLevels('deliberation.resident-levels', ResidentPrivilegesView);
