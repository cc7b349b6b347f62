import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CoBuildingProjectFact } from '../../read-models/co-building.entities';

const count = z.number().int();
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const coBuildingProjectsQuery = z.object({ communityId: z.string().min(1).optional(), ...page });
export type CoBuildingProjectsQuery = z.output<typeof coBuildingProjectsQuery>;

export const coBuildingProjectItem = z.object({
  projectId: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  communityId: z.string(),
  startedAt: z.string(),
  teamSize: count.describe('Leader included.'),
  requests: z.object({ pending: count, approved: count, declined: count }),
  activities: count,
  lastActivityDay: z.string().nullable(),
  incomeFen: z.number(),
  teamShareFen: z.number(),
  fundShareFen: z.number(),
  updatedAt: z.string(),
});
export const coBuildingProjectsResponse = z.object({
  total: count,
  items: z.array(coBuildingProjectItem).describe('Most recently changed first. No resident is named.'),
});
export type CoBuildingProjectsResponse = z.infer<typeof coBuildingProjectsResponse>;

/** The project list (项目清单) with each project's team, requests, activities and income. */
export async function readCoBuildingProjects(dataSource: DataSource, query: CoBuildingProjectsQuery): Promise<CoBuildingProjectsResponse> {
  const [rows, total] = await dataSource.getRepository(CoBuildingProjectFact).findAndCount({
    where: query.communityId ? { communityId: query.communityId } : {},
    order: { updatedAt: 'DESC', projectId: 'ASC' },
    take: query.limit,
    skip: query.offset,
  });
  return {
    total,
    items: rows.map((p) => ({
      projectId: p.projectId,
      title: p.title,
      category: p.category,
      communityId: p.communityId,
      startedAt: p.startedAt,
      teamSize: p.teamSize,
      requests: { pending: p.requestsPending, approved: p.requestsApproved, declined: p.requestsDeclined },
      activities: p.activities,
      lastActivityDay: p.lastActivityDay,
      incomeFen: p.incomeFen,
      teamShareFen: p.teamShareFen,
      fundShareFen: p.fundShareFen,
      updatedAt: p.updatedAt,
    })),
  };
}
