/** What the matching view needs of a need and of a resource. */
export interface MatchableNeed {
  readonly communityId: string;
  readonly category: string;
  readonly tags: readonly string[];
}
export interface MatchableResource {
  readonly resourceId: string;
  readonly communityId: string;
  readonly category: string;
  readonly tags: readonly string[];
}

export interface ResourceMatch<R extends MatchableResource> {
  readonly resource: R;
  readonly score: number;
  readonly reasons: readonly string[];
}

export const MATCH_WEIGHTS = { category: 3, tag: 1, community: 2 } as const;

/**
 * Proposes resources for a need, best first: same category +3, each shared tag +1, same community +2.
 * A resource sharing neither category nor a tag is not proposed (the community alone is no reason).
 */
export function matchResources<R extends MatchableResource>(need: MatchableNeed, resources: readonly R[], limit = 10): ResourceMatch<R>[] {
  const needTags = new Set(need.tags.map((t) => t.toLowerCase()));
  return resources
    .map((resource) => {
      const reasons: string[] = [];
      let score = 0;
      if (resource.category === need.category) {
        score += MATCH_WEIGHTS.category;
        reasons.push(`same category: ${need.category}`);
      }
      const shared = resource.tags.filter((t) => needTags.has(t.toLowerCase()));
      if (shared.length) {
        score += shared.length * MATCH_WEIGHTS.tag;
        reasons.push(`shared tags: ${shared.join(', ')}`);
      }
      const relevant = score > 0;
      if (resource.communityId === need.communityId) {
        score += MATCH_WEIGHTS.community;
        reasons.push(`in the same community: ${need.communityId}`);
      }
      return { resource, score: relevant ? score : 0, reasons };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.resource.resourceId.localeCompare(b.resource.resourceId))
    .slice(0, limit);
}
