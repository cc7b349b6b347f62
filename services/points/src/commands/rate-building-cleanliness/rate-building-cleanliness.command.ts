import type { Principal } from '@gongzhi/identity';
import type { RateBuildingCleanlinessRequest } from './rate-building-cleanliness.request';

/** Staff rate the cleanliness of a building in a 最美楼栋 contest (1–5). */
export class RateBuildingCleanliness {
  readonly type = 'RateBuildingCleanliness';
  constructor(
    readonly data: { readonly principal: Principal; readonly contestId: string; readonly request: RateBuildingCleanlinessRequest },
  ) {}
}
