import type { EntityManager } from 'typeorm';
import { TOPICS, coBuildingContracts, type PublicEvent } from '@gongzhi/contracts';
import { dayOf } from '../figures/city-day';
import { CoBuildingDaily, CoBuildingOrganisationFact, CoBuildingProjectFact } from '../read-models/co-building.entities';
import { BatchRows } from '../read-models/batch-rows';
import { CounterDeltas } from '../read-models/counter-deltas';
import { CITY, addToCounters, type Dimensions } from '../read-models/daily-counter';
import { eventsOf, publicEventParser, type DashboardProjector, type ProjectorSettings } from './dashboard-projector';
import { assertNever } from '@gongzhi/eventsourcing';

const isCoBuildingEvent = eventsOf(coBuildingContracts);
type CoBuildingEventType = (typeof coBuildingContracts)[number]['type'];

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Co-building (共建): community partner projects (社区合伙人) with their teams, resource requests,
 * activities and income split with the community's public fund; what the fund spent; the resource, need
 * and space lists; the community social organisations and their grades. Counted per city, community and
 * (for project events) project, so "active projects in a window" is a count of distinct projects. The
 * events name a community but no street, so there is no street figure.
 *
 * A project row changes only on events of its own stream (project-<id>), an organisation row only on
 * events of organisation-<id>; resources, bookings, needs and fund spendings come on other streams and
 * only add to counters, so a replay on any bus gives the same figures.
 */
export function coBuildingProjector({ timeZone }: ProjectorSettings): DashboardProjector {
  return {
    name: 'dashboards-co-building',
    topics: [TOPICS['co-building']],
    parser: publicEventParser,
    entities: [CoBuildingProjectFact, CoBuildingOrganisationFact, CoBuildingDaily],
    figures: ['co-building'],
    figuresOf: (event) => (isCoBuildingEvent(event) ? ['co-building'] : []),
    async handle(event: PublicEvent, manager: EntityManager) {
      if (!isCoBuildingEvent(event)) return;
      await coBuildingStep(event, timeZone, {
        project: (projectId) => manager.findOneBy(CoBuildingProjectFact, { projectId }),
        organisation: (organisationId) => manager.findOneBy(CoBuildingOrganisationFact, { organisationId }),
        saveProject: async (project) => void (await manager.save(CoBuildingProjectFact, project)),
        saveOrganisation: async (organisation) => void (await manager.save(CoBuildingOrganisationFact, organisation)),
        count: (day, dimensions, deltas) => addToCounters(manager, CoBuildingDaily, day, dimensions, deltas),
      });
    },
    /**
     * The same steps for a batch: its projects and organisations read in one query each and changed in memory,
     * then one upsert per table and one increment per counter row.
     */
    async handleBatch(events: readonly PublicEvent[], manager: EntityManager) {
      const mine = events.filter(isCoBuildingEvent);
      const projectIds = mine.flatMap((e) => (isProjectStreamEvent(e) ? [e.data.projectId] : []));
      const organisationIds = mine.flatMap((e) => (e.type === 'CommunityOrganisationGraded' ? [e.data.organisationId] : []));
      const projects = await new BatchRows(CoBuildingProjectFact, (p) => p.projectId, ['projectId']).load(manager, 'projectId', projectIds);
      const organisations = await new BatchRows(CoBuildingOrganisationFact, (o) => o.organisationId, ['organisationId']).load(
        manager,
        'organisationId',
        organisationIds,
      );
      const counters = new CounterDeltas();
      for (const event of mine) {
        await coBuildingStep(event, timeZone, {
          project: async (projectId) => projects.get(projectId),
          organisation: async (organisationId) => organisations.get(organisationId),
          saveProject: async (project) => projects.put(project),
          saveOrganisation: async (organisation) => organisations.put(organisation),
          count: async (day, dimensions, deltas) => counters.add(day, dimensions, deltas),
        });
      }
      await projects.writeTo(manager);
      await organisations.writeTo(manager);
      await counters.writeTo(manager, CoBuildingDaily);
    },
  };
}

interface CoBuildingWrites {
  /** The project's row as stored (a copy the step may change), null when there is none. */
  project(projectId: string): Promise<CoBuildingProjectFact | null>;
  organisation(organisationId: string): Promise<CoBuildingOrganisationFact | null>;
  saveProject(project: CoBuildingProjectFact): Promise<void>;
  saveOrganisation(organisation: CoBuildingOrganisationFact): Promise<void>;
  count(day: string, dimensions: Dimensions, deltas: Record<string, number>): Promise<void>;
}

/** What one co-building event does to the project and organisation rows and the counters; one function for both writers. */
async function coBuildingStep(
  event: Extract<PublicEvent, { type: CoBuildingEventType }>,
  timeZone: string,
  writes: CoBuildingWrites,
): Promise<void> {
  const at = event.occurredAt;
  const count = (communityId: string, deltas: Record<string, number>, projectId?: string) => {
    const dimensions: Dimensions = [
      ['city', CITY],
      ['community', communityId],
      ['project', projectId],
    ];
    return writes.count(dayOf(at, timeZone), dimensions, deltas);
  };

  switch (event.type) {
    case 'CommunityProjectStarted': {
      const { data } = event;
      await writes.saveProject({
        projectId: data.projectId,
        communityId: data.communityId,
        title: data.title,
        category: data.category,
        startedAt: at,
        startedDay: dayOf(at, timeZone),
        teamSize: 1,
        requestsPending: 0,
        requestsApproved: 0,
        requestsDeclined: 0,
        activities: 0,
        lastActivityDay: null,
        incomeFen: 0,
        teamShareFen: 0,
        fundShareFen: 0,
        updatedAt: at,
      });
      await count(data.communityId, { projectsStarted: 1 }, data.projectId);
      return;
    }
    case 'ProjectTeamMemberJoined':
    case 'ProjectResourceRequested':
    case 'ProjectResourceRequestApproved':
    case 'ProjectResourceRequestDeclined':
    case 'ProjectActivityReported':
    case 'ProjectIncomeRecorded':
      await applyToProject(event, writes, at, timeZone, count);
      return;
    case 'ResourceListed':
      await count(event.data.communityId, { resourcesListed: 1, [`resources_${event.data.kind}`]: 1 });
      return;
    case 'SpaceSlotBooked': {
      const { data } = event;
      await count(data.communityId, {
        spaceBookings: 1,
        spaceBookedMinutes: Math.max(0, minutesOf(data.to) - minutesOf(data.from)),
        spaceBookingsForProjects: data.projectId ? 1 : 0,
      });
      return;
    }
    case 'SpaceSlotBookingCancelled': {
      const { data } = event;
      await count(data.communityId, {
        spaceBookingsCancelled: 1,
        spaceCancelledMinutes: Math.max(0, minutesOf(data.to) - minutesOf(data.from)),
      });
      return;
    }
    // The fund's income is the fund share of project income (ProjectIncomeRecorded); this is what it spent.
    case 'CommunityFundSpent':
      await count(event.data.communityId, {
        fundSpendings: 1,
        fundSpentFen: event.data.amountFen,
        fundSpendingsByCouncil: event.data.councilTopicId ? 1 : 0,
      });
      return;
    case 'NeedPosted':
      await count(event.data.communityId, { needsPosted: 1 });
      return;
    case 'CommunityOrganisationRegistered': {
      const { data } = event;
      await writes.saveOrganisation({
        organisationId: data.organisationId,
        communityId: data.communityId,
        name: data.name,
        kind: data.kind,
        registeredAt: at,
        grade: null,
        gradedOn: null,
        gradeValidUntil: null,
        updatedAt: at,
      });
      await count(data.communityId, { organisationsRegistered: 1 });
      return;
    }
    case 'CommunityOrganisationGraded': {
      const { data } = event;
      const organisation = await writes.organisation(data.organisationId);
      if (!organisation) return;
      Object.assign(organisation, { grade: data.grade, gradedOn: data.evaluatedOn, gradeValidUntil: data.validUntil, updatedAt: at });
      await writes.saveOrganisation(organisation);
      await count(organisation.communityId, { organisationsGraded: 1 });
      return;
    }
    case 'CommunityActivityScheduled':
    case 'ActivitySignedUp':
      // Activity sign-ups are no dashboard figure yet.
      return;
    default:
      assertNever(event);
  }
}

type ProjectStreamEvent = Extract<
  PublicEvent,
  {
    type:
      | 'ProjectTeamMemberJoined'
      | 'ProjectResourceRequested'
      | 'ProjectResourceRequestApproved'
      | 'ProjectResourceRequestDeclined'
      | 'ProjectActivityReported'
      | 'ProjectIncomeRecorded';
  }
>;

const PROJECT_STREAM_EVENTS = new Set<string>([
  'ProjectTeamMemberJoined',
  'ProjectResourceRequested',
  'ProjectResourceRequestApproved',
  'ProjectResourceRequestDeclined',
  'ProjectActivityReported',
  'ProjectIncomeRecorded',
] satisfies ProjectStreamEvent['type'][]);
const isProjectStreamEvent = (event: PublicEvent): event is ProjectStreamEvent => PROJECT_STREAM_EVENTS.has(event.type);

async function applyToProject(
  event: ProjectStreamEvent,
  writes: CoBuildingWrites,
  at: string,
  timeZone: string,
  count: (communityId: string, deltas: Record<string, number>, projectId?: string) => Promise<void>,
): Promise<void> {
  const project = await writes.project(event.data.projectId);
  if (!project) return;
  const deltas: Record<string, number> = {};
  switch (event.type) {
    case 'ProjectTeamMemberJoined':
      project.teamSize += 1;
      deltas.membersJoined = 1;
      break;
    case 'ProjectResourceRequested':
      project.requestsPending += 1;
      deltas.resourcesRequested = 1;
      break;
    case 'ProjectResourceRequestApproved':
      project.requestsPending = Math.max(0, project.requestsPending - 1);
      project.requestsApproved += 1;
      deltas.requestsApproved = 1;
      break;
    case 'ProjectResourceRequestDeclined':
      project.requestsPending = Math.max(0, project.requestsPending - 1);
      project.requestsDeclined += 1;
      deltas.requestsDeclined = 1;
      break;
    case 'ProjectActivityReported':
      project.activities += 1;
      project.lastActivityDay = dayOf(at, timeZone);
      deltas.activitiesReported = 1;
      deltas.activityParticipants = event.data.participants;
      break;
    case 'ProjectIncomeRecorded': {
      const { amountFen, teamShareFen, fundShareFen, source } = event.data;
      project.incomeFen += amountFen;
      project.teamShareFen += teamShareFen;
      project.fundShareFen += fundShareFen;
      Object.assign(deltas, { incomeRecorded: 1, incomeFen: amountFen, teamShareFen, fundShareFen, [`income_${source}`]: amountFen });
      break;
    }
    default:
      assertNever(event);
  }
  project.updatedAt = at;
  await writes.saveProject(project);
  await count(project.communityId, deltas, project.projectId);
}
