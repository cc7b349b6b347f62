import type { ScenarioConstructor } from './scenario-events';

/** Steps of co-building (共建): projects and their teams, requests and income, resources and bookings, the fund, needs, organisations. */
export function withCoBuilding<TBase extends ScenarioConstructor>(Base: TBase) {
  return class extends Base {
    private readonly projects = new Map<string, string>();
    private readonly requests = new Map<string, string>();
    private readonly bookings = new Map<string, { resourceId: string; communityId: string; day: string; from: string; to: string }>();
    private readonly organisations = new Map<string, { communityId: string; grade: '1A' | '2A' | '3A' | '4A' | '5A' | null }>();

    async startProject(projectId: string, o: { communityId: string; leaderId?: string; title?: string }) {
      this.projects.set(projectId, o.communityId);
      await this.append('CommunityProjectStarted', `project-${projectId}`, {
        projectId,
        communityId: o.communityId,
        title: o.title ?? '楼道读书会',
        summary: '每周六下午在活动室读书',
        category: 'culture',
        leaderId: o.leaderId ?? `leader-${projectId}`,
      });
    }

    async joinTeam(projectId: string, memberId: string) {
      await this.append('ProjectTeamMemberJoined', `project-${projectId}`, { ...this.project(projectId), memberId });
    }

    async requestResource(projectId: string, requestId: string, resourceId = 'room-1') {
      this.requests.set(requestId, resourceId);
      await this.append('ProjectResourceRequested', `project-${projectId}`, {
        ...this.project(projectId),
        requestId,
        resourceId,
        purpose: '周六活动场地',
        requestedBy: `leader-${projectId}`,
      });
    }

    async decideRequest(projectId: string, requestId: string, outcome: 'approved' | 'declined') {
      const decision = { ...this.project(projectId), requestId, resourceId: this.requests.get(requestId)!, officerId: 'officer-1' };
      if (outcome === 'approved') await this.append('ProjectResourceRequestApproved', `project-${projectId}`, { ...decision, note: null });
      else await this.append('ProjectResourceRequestDeclined', `project-${projectId}`, { ...decision, reason: '该时段已有安排' });
    }

    async reportActivity(projectId: string, participants: number) {
      await this.append('ProjectActivityReported', `project-${projectId}`, {
        ...this.project(projectId),
        activityId: `activity-${++this.seq}`,
        reportedBy: `leader-${projectId}`,
        heldOn: this.clock.now().toISOString().slice(0, 10),
        summary: '读书分享',
        participants,
      });
    }

    /** Income split as the service splits it: the team's share rounded to the fen, the rest to the fund. */
    async recordIncome(projectId: string, amountFen: number, o: { teamSharePercent?: number; source?: 'space_rent' | 'service_fee' | 'donation' | 'other' } = {}) {
      const teamSharePercent = o.teamSharePercent ?? 70;
      const teamShareFen = Math.round((amountFen * teamSharePercent) / 100);
      await this.append('ProjectIncomeRecorded', `project-${projectId}`, {
        ...this.project(projectId),
        incomeId: `income-${++this.seq}`,
        source: o.source ?? 'service_fee',
        description: '课程服务费',
        amountFen,
        teamSharePercent,
        teamShareFen,
        fundShareFen: amountFen - teamShareFen,
        recordedBy: `leader-${projectId}`,
      });
    }

    async listResource(resourceId: string, o: { communityId: string; kind?: 'space' | 'goods' | 'service' | 'skill' }) {
      const kind = o.kind ?? 'space';
      await this.append('ResourceListed', `resource-${resourceId}`, {
        resourceId,
        communityId: o.communityId,
        kind,
        title: kind === 'space' ? '社区活动室' : '法律咨询',
        description: '可预约使用',
        category: kind,
        tags: [],
        offeredByKind: 'community',
        offeredByName: '社区居委会',
        listedBy: 'officer-1',
        opensAt: kind === 'space' ? '08:00' : null,
        closesAt: kind === 'space' ? '21:00' : null,
      });
    }

    /** Books a slot; returns the booking id. */
    async bookSpace(resourceId: string, o: { communityId: string; day: string; from: string; to: string; projectId?: string | null }) {
      const bookingId = `booking-${++this.seq}`;
      this.bookings.set(bookingId, { resourceId, communityId: o.communityId, day: o.day, from: o.from, to: o.to });
      await this.append('SpaceSlotBooked', `space-${resourceId}-${o.day}`, {
        bookingId,
        resourceId,
        communityId: o.communityId,
        day: o.day,
        from: o.from,
        to: o.to,
        purpose: '读书会',
        projectId: o.projectId ?? null,
        bookedBy: 'resident-b',
      });
      return bookingId;
    }

    async cancelBooking(bookingId: string) {
      const booking = this.bookings.get(bookingId)!;
      await this.append('SpaceSlotBookingCancelled', `space-${booking.resourceId}-${booking.day}`, {
        bookingId,
        ...booking,
        bookedBy: 'resident-b',
        cancelledBy: 'resident-b',
        cancelledAs: 'booker',
        reason: null,
      });
    }

    async spendFund(communityId: string, amountFen: number, councilTopicId: string | null = null) {
      await this.append('CommunityFundSpent', `community-fund-${communityId}`, {
        spendingId: `spending-${++this.seq}`,
        communityId,
        amountFen,
        purpose: '楼道灯具更换',
        councilTopicId,
        spentBy: 'officer-1',
      });
    }

    async postNeed(needId: string, communityId: string) {
      await this.append('NeedPosted', `need-${needId}`, {
        needId,
        communityId,
        title: '老人助餐',
        description: '希望有人帮忙送餐',
        category: 'elderly',
        tags: ['meals'],
        postedBy: 'resident-n',
      });
    }

    async registerOrganisation(organisationId: string, communityId: string) {
      this.organisations.set(organisationId, { communityId, grade: null });
      await this.append('CommunityOrganisationRegistered', `organisation-${organisationId}`, {
        organisationId,
        communityId,
        name: '邻里互助社',
        kind: 'mutual_aid',
        services: ['助老'],
        registeredBy: 'officer-1',
      });
    }

    async gradeOrganisation(organisationId: string, grade: '1A' | '2A' | '3A' | '4A' | '5A', o: { evaluatedOn: string; validUntil: string }) {
      const organisation = this.organisations.get(organisationId)!;
      await this.append('CommunityOrganisationGraded', `organisation-${organisationId}`, {
        organisationId,
        communityId: organisation.communityId,
        grade,
        previousGrade: organisation.grade,
        evaluatedOn: o.evaluatedOn,
        validUntil: o.validUntil,
        evaluatorIds: ['officer-1'],
        note: null,
      });
      organisation.grade = grade;
    }

    private project(projectId: string) {
      return { projectId, communityId: this.projects.get(projectId)! };
    }
  };
}
