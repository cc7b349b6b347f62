import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import {
  BookingView,
  CO_BUILDING_ENTITIES,
  FundLedgerEntry,
  FundSpendingEntry,
  NeedView,
  OrganisationView,
  ProjectView,
  ResourceView,
} from './co-building-views.entity';

/** Keeps the three lists, the bookings, the community fund's ledger (income and spendings) and the organisation registry from this service's own events. */
export const coBuildingProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'co-building.read-models',
  topics: [TOPICS['co-building']],
  parser: publicEvents,
  entities: CO_BUILDING_ENTITIES,
  handle: (event, manager) => project(event, manager),
};

async function updateProject(
  manager: EntityManager,
  projectId: string,
  change: (view: ProjectView) => Partial<ProjectView>,
): Promise<void> {
  const view = await manager.findOneBy(ProjectView, { projectId });
  if (view) await manager.save(ProjectView, { ...view, ...change(view) });
}

async function project(event: PublicEvent, manager: EntityManager): Promise<void> {
  switch (event.type) {
    case 'CommunityProjectStarted': {
      const { projectId, communityId, title, summary, category } = event.data;
      await manager.save(ProjectView, {
        projectId,
        communityId,
        title,
        summary,
        category,
        teamSize: 1,
        activities: 0,
        participantsTotal: 0,
        teamIncomeFen: 0,
        fundIncomeFen: 0,
        requests: [],
        startedAt: event.occurredAt,
      });
      return;
    }
    case 'ProjectTeamMemberJoined':
      return updateProject(manager, event.data.projectId, (v) => ({ teamSize: v.teamSize + 1 }));
    case 'ProjectResourceRequested': {
      const { requestId, resourceId, purpose } = event.data;
      return updateProject(manager, event.data.projectId, (v) => ({
        requests: [...v.requests, { requestId, resourceId, purpose, status: 'requested', reason: null, note: null }],
      }));
    }
    case 'ProjectResourceRequestApproved': {
      const { requestId, note } = event.data;
      return updateProject(manager, event.data.projectId, (v) => ({
        requests: v.requests.map((r) => (r.requestId === requestId ? { ...r, status: 'approved', note } : r)),
      }));
    }
    case 'ProjectResourceRequestDeclined': {
      const { requestId, reason } = event.data;
      return updateProject(manager, event.data.projectId, (v) => ({
        requests: v.requests.map((r) => (r.requestId === requestId ? { ...r, status: 'declined', reason } : r)),
      }));
    }
    case 'ProjectActivityReported':
      return updateProject(manager, event.data.projectId, (v) => ({
        activities: v.activities + 1,
        participantsTotal: v.participantsTotal + event.data.participants,
      }));
    case 'ProjectIncomeRecorded': {
      const d = event.data;
      const view = await manager.findOneBy(ProjectView, { projectId: d.projectId });
      await manager.save(FundLedgerEntry, {
        incomeId: d.incomeId,
        communityId: d.communityId,
        projectId: d.projectId,
        projectTitle: view?.title ?? d.projectId,
        source: d.source,
        description: d.description,
        amountFen: d.amountFen,
        teamSharePercent: d.teamSharePercent,
        teamShareFen: d.teamShareFen,
        fundShareFen: d.fundShareFen,
        recordedAt: event.occurredAt,
      });
      return updateProject(manager, d.projectId, (v) => ({
        teamIncomeFen: v.teamIncomeFen + d.teamShareFen,
        fundIncomeFen: v.fundIncomeFen + d.fundShareFen,
      }));
    }
    case 'ResourceListed': {
      const { listedBy: _listedBy, ...data } = event.data;
      await manager.save(ResourceView, { ...data, listedAt: event.occurredAt });
      return;
    }
    case 'SpaceSlotBooked': {
      const { bookingId, resourceId, communityId, day, from, to, purpose, projectId, bookedBy } = event.data;
      await manager.save(BookingView, {
        bookingId,
        resourceId,
        communityId,
        day,
        from,
        to,
        purpose,
        projectId,
        bookedBy,
        status: 'booked',
        cancelledAs: null,
        cancellationReason: null,
        cancelledAt: null,
      });
      return;
    }
    case 'SpaceSlotBookingCancelled': {
      const { bookingId, cancelledAs, reason } = event.data;
      const view = await manager.findOneBy(BookingView, { bookingId });
      if (view)
        await manager.save(BookingView, {
          ...view,
          status: 'cancelled',
          cancelledAs,
          cancellationReason: reason,
          cancelledAt: event.occurredAt,
        });
      return;
    }
    case 'CommunityFundSpent': {
      const { spendingId, communityId, amountFen, purpose, councilTopicId } = event.data;
      await manager.save(FundSpendingEntry, { spendingId, communityId, amountFen, purpose, councilTopicId, recordedAt: event.occurredAt });
      return;
    }
    case 'NeedPosted': {
      const { postedBy: _postedBy, ...data } = event.data;
      await manager.save(NeedView, { ...data, postedAt: event.occurredAt });
      return;
    }
    case 'CommunityOrganisationRegistered': {
      const { registeredBy: _registeredBy, ...data } = event.data;
      await manager.save(OrganisationView, { ...data, grade: null, gradeValidUntil: null, grades: [], registeredAt: event.occurredAt });
      return;
    }
    case 'CommunityOrganisationGraded': {
      const { organisationId, grade, evaluatedOn, validUntil, note } = event.data;
      const view = await manager.findOneBy(OrganisationView, { organisationId });
      if (view)
        await manager.save(OrganisationView, {
          ...view,
          grade,
          gradeValidUntil: validUntil,
          grades: [...view.grades, { grade, evaluatedOn, validUntil, note }],
        });
      return;
    }
    default:
      return;
  }
}
