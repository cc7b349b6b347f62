import { DomainError } from '@gongzhi/eventsourcing';
import { z } from 'zod';
import { OrganisationTree, type OrganisationTreeDocument } from './organisation-tree';

/**
 * The shipped demo city's tree (黄浦区 and 静安区 of 上海市): the tree of a process that loads no other. grid-events'
 * reference data (demo-city.json) holds the same tree with names and boundaries; a spec there keeps the two equal.
 */
export const DEMO_CITY_TREE = new OrganisationTree({
  cityId: 'city-shanghai',
  districts: [
    {
      id: 'district-huangpu',
      streets: [
        {
          id: 'street-nanjingdong',
          communities: [
            { id: 'community-hexie', gridIds: ['grid-hexie-01', 'grid-hexie-02', 'grid-hexie-03'] },
            { id: 'community-xingfu', gridIds: ['grid-xingfu-01', 'grid-xingfu-02'] },
          ],
        },
        { id: 'street-waitan', communities: [{ id: 'community-huangpuhe', gridIds: ['grid-huangpuhe-01'] }] },
      ],
    },
    {
      id: 'district-jingan',
      streets: [{ id: 'street-jingansi', communities: [{ id: 'community-yanping', gridIds: ['grid-yanping-01'] }] }],
    },
  ],
});

let processTree = DEMO_CITY_TREE;

/**
 * The city's organisation tree as this process knows it: every scoped decision (a street officer acts in the
 * communities of their street …) and every check that a community exists asks it. A process sets it once as it
 * starts, from the city's reference data (`useCityTree`; the all-in-one host and each service started alone do);
 * until then, and in unit specs, it is the demo city's.
 */
export function cityTree(): OrganisationTree {
  return processTree;
}

/** Makes `tree` the process's tree (at start, before any request); returns the one it replaces, for specs to put back. */
export function useCityTree(tree: OrganisationTree): OrganisationTree {
  const previous = processTree;
  processTree = tree;
  return previous;
}

const node = z.object({ id: z.string().min(1) });

/** What the tree needs of a city's reference data document (grid-events' demo-city.json and its like): the ids. */
const referenceTreeSchema = z.object({
  city: node,
  districts: z
    .array(
      node.extend({
        streets: z.array(node.extend({ communities: z.array(node.extend({ grids: z.array(node).min(1) })).min(1) })).min(1),
      }),
    )
    .min(1),
});

/**
 * The organisation tree of a city's reference data document (`{ city: { id }, districts: [{ id, streets: [{ id,
 * communities: [{ id, grids: [{ id }] }] }] }] }`, names and boundaries aside); throws, naming `source` and the
 * first fields at fault, when the document does not have that shape.
 */
export function organisationTreeOfReferenceData(document: unknown, source = 'the reference data'): OrganisationTree {
  const parsed = referenceTreeSchema.safeParse(document);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`the organisation tree in ${source} is invalid: ${issues.join('; ')}`);
  }
  const { city, districts } = parsed.data;
  const tree: OrganisationTreeDocument = {
    cityId: city.id,
    districts: districts.map((district) => ({
      id: district.id,
      streets: district.streets.map((street) => ({
        id: street.id,
        communities: street.communities.map((community) => ({ id: community.id, gridIds: community.grids.map((grid) => grid.id) })),
      })),
    })),
  };
  return new OrganisationTree(tree);
}

/**
 * Refuses a community the process's tree does not know, before anything is stored in it: a `DomainError` with
 * `code` (`*.UNKNOWN_COMMUNITY` answers 400) that names the field at fault.
 */
export function assertKnownCommunity(communityId: string, code: string, field = 'communityId'): void {
  if (cityTree().knowsCommunity(communityId)) return;
  throw new DomainError(code, `${communityId} is not a community of the city`, { field, communityId });
}
