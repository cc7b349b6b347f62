import { TOPICS, publicEvents, type PublicEventData, type PublicEventType, type ServiceName } from '@gongzhi/contracts';
import type { EventStore, ManualClock } from '@gongzhi/eventsourcing';

type Place = { gridId: string; communityId: string; streetId: string };
const SERVICE_OF: Record<string, ServiceName> = {};
for (const contract of publicEvents.contracts()) SERVICE_OF[contract.type] = contract.service;

/**
 * Appends contract-valid events of the services to their stores, as the services would, with the
 * test's clock as the time of each. Every event is checked against its contract first, so a spec cannot
 * feed the projectors something no service could publish.
 */
export class CityScenario {
  private readonly places = new Map<string, Place & { categoryCode: string; reporterId: string | null }>();
  private readonly dispatches = new Map<string, { departmentId: string | null; assigneeKind: 'grid_worker' | 'department'; assigneeId: string }>();
  private readonly whistles = new Map<string, { blownAt: number; streetId: string; caseId: string | null; departmentIds: string[] }>();
  private readonly projects = new Map<string, string>();
  private readonly requests = new Map<string, string>();
  private readonly bookings = new Map<string, { resourceId: string; communityId: string; day: string; from: string; to: string }>();
  private readonly organisations = new Map<string, { communityId: string; grade: '1A' | '2A' | '3A' | '4A' | '5A' | null }>();
  private seq = 0;

  constructor(
    private readonly stores: Readonly<Record<string, EventStore>>,
    readonly clock: ManualClock,
  ) {}

  /** Moves the clock: `at({ minutes: 20 })`. */
  later(by: Parameters<ManualClock['advance']>[0]): this {
    this.clock.advance(by);
    return this;
  }

  async append<T extends PublicEventType>(type: T, streamId: string, data: PublicEventData<T>): Promise<void> {
    const schemaVersion = publicEvents.latestVersion(type)!;
    const occurredAt = this.clock.now().toISOString();
    const checked = publicEvents.parse({ eventId: `check-${++this.seq}`, type, schemaVersion, streamId, streamVersion: 1, occurredAt, data });
    if (checked.kind !== 'ok') throw new Error(`Scenario event ${type} breaks its contract: ${checked.kind === 'invalid' ? checked.reason : 'unknown type'}`);
    const store = this.stores[TOPICS[SERVICE_OF[type]]];
    await store.appendToStream(streamId, [{ type, schemaVersion, occurredAt, data }]);
  }

  // 事件 (grid-events)

  async reportCase(caseId: string, o: Place & { categoryCode?: string; reporterId?: string | null; via?: 'resident' | 'grid_worker' }) {
    const reporterId = o.reporterId === undefined ? `resident-${caseId}` : o.reporterId;
    const place = { gridId: o.gridId, communityId: o.communityId, streetId: o.streetId };
    this.places.set(caseId, { ...place, categoryCode: o.categoryCode ?? 'city.road.pothole', reporterId });
    await this.append('CaseReported', `case-${caseId}`, {
      caseId,
      categoryCode: o.categoryCode ?? 'city.road.pothole',
      description: '路面坑洼 / pothole',
      location: { lat: 30.27, long: 120.15 },
      address: null,
      ...place,
      reporterId,
      anonymous: reporterId === null,
      photoIds: [],
      reportedVia: o.via ?? 'resident',
    });
  }

  async acceptCase(caseId: string) {
    const p = this.places.get(caseId)!;
    await this.append('CaseAccepted', `case-${caseId}`, {
      caseId,
      categoryCode: p.categoryCode,
      reporterId: p.reporterId,
      gridId: p.gridId,
      communityId: p.communityId,
      streetId: p.streetId,
    });
  }

  async rejectCase(caseId: string) {
    await this.append('CaseRejected', `case-${caseId}`, { caseId, reason: '非本平台受理范围' });
  }

  async dispatchCase(caseId: string, o: { departmentId?: string | null; acknowledgeWithinMinutes?: number; resolveWithinHours?: number } = {}) {
    const departmentId = o.departmentId === undefined ? 'dept-cg' : o.departmentId;
    const assignment = departmentId
      ? { assigneeKind: 'department' as const, assigneeId: departmentId, departmentId }
      : { assigneeKind: 'grid_worker' as const, assigneeId: 'gw-1', departmentId: null };
    this.dispatches.set(caseId, assignment);
    const now = this.clock.now().getTime();
    await this.append('CaseDispatched', `case-${caseId}`, {
      caseId,
      categoryCode: this.places.get(caseId)!.categoryCode,
      ...assignment,
      acknowledgeBy: new Date(now + (o.acknowledgeWithinMinutes ?? 60) * 60_000).toISOString(),
      resolveBy: new Date(now + (o.resolveWithinHours ?? 48) * 3_600_000).toISOString(),
    });
  }

  async acknowledgeCase(caseId: string) {
    await this.append('CaseAcknowledged', `case-${caseId}`, { caseId, ...this.dispatches.get(caseId)! });
  }

  async resolveCase(caseId: string) {
    await this.append('CaseResolved', `case-${caseId}`, { caseId, notes: '已修复', afterPhotoIds: [], autoCloseAt: null });
  }

  async reopenCase(caseId: string) {
    await this.append('CaseReopened', `case-${caseId}`, { caseId, reason: '还没修好' });
  }

  async confirmCase(caseId: string) {
    await this.append('CaseConfirmed', `case-${caseId}`, { caseId });
  }

  async evaluateCase(caseId: string, score: number) {
    await this.append('CaseEvaluated', `case-${caseId}`, { caseId, score, comment: null });
  }

  async closeCase(caseId: string, reason: 'evaluated' | 'confirmed' | 'auto_closed' = 'evaluated') {
    await this.append('CaseClosed', `case-${caseId}`, { caseId, reason });
  }

  /** Report → accept → dispatch → acknowledge → resolve → confirm → evaluate → close, with the given waits. */
  async caseThroughTheLoop(
    caseId: string,
    place: Place & { categoryCode?: string; departmentId?: string | null },
    o: { acknowledgeAfterMinutes: number; resolveAfterHours: number; score: number },
  ) {
    await this.reportCase(caseId, place);
    await this.later({ minutes: 10 }).acceptCase(caseId);
    await this.dispatchCase(caseId, { departmentId: place.departmentId });
    await this.later({ minutes: o.acknowledgeAfterMinutes }).acknowledgeCase(caseId);
    await this.later({ hours: o.resolveAfterHours }).resolveCase(caseId);
    await this.later({ hours: 1 }).confirmCase(caseId);
    await this.evaluateCase(caseId, o.score);
    await this.closeCase(caseId);
  }

  // 吹哨报到 (department-dispatch)

  async blowWhistle(whistleId: string, o: { streetId: string; departmentIds: string[]; caseId?: string | null }) {
    const now = this.clock.now().getTime();
    this.whistles.set(whistleId, { blownAt: now, streetId: o.streetId, caseId: o.caseId ?? null, departmentIds: o.departmentIds });
    await this.append('WhistleBlown', `whistle-${whistleId}`, {
      whistleId,
      caseId: o.caseId ?? null,
      categoryCode: null,
      cityId: 'city-1',
      districtId: 'district-1',
      streetId: o.streetId,
      title: '占道经营与违建',
      description: '多部门联合处置',
      departmentIds: o.departmentIds,
      leadDepartmentId: o.departmentIds[0],
      checkInWithinMinutes: 30,
      checkInBy: new Date(now + 30 * 60_000).toISOString(),
      escalationDelaysMinutes: { district: 30, city: 60 },
      taskWithinHours: Object.fromEntries(o.departmentIds.map((d) => [d, 24])),
    });
  }

  async checkIn(whistleId: string, departmentId: string, escalationLevel: 'street' | 'district' | 'city' | null = null) {
    const w = this.whistles.get(whistleId)!;
    const now = this.clock.now();
    const minutes = (now.getTime() - w.blownAt) / 60_000;
    await this.append('DepartmentCheckedIn', `whistle-${whistleId}`, {
      whistleId,
      caseId: w.caseId,
      departmentId,
      staffId: `staff-${departmentId}`,
      checkedInAt: now.toISOString(),
      withinDeadline: minutes <= 30,
      minutesToCheckIn: minutes,
      escalationLevel,
      taskDueBy: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
    });
  }

  async missCheckIn(whistleId: string, departmentId: string) {
    const w = this.whistles.get(whistleId)!;
    await this.append('CheckInMissed', `whistle-${whistleId}`, { whistleId, departmentId, dueAt: new Date(w.blownAt + 30 * 60_000).toISOString() });
    await this.append('WhistleEscalated', `whistle-${whistleId}`, {
      whistleId,
      departmentId,
      level: 'street',
      escalatedTo: w.streetId,
      nextEscalationAt: new Date(this.clock.now().getTime() + 30 * 60_000).toISOString(),
    });
  }

  async completeTask(whistleId: string, departmentId: string) {
    const w = this.whistles.get(whistleId)!;
    await this.append('WhistleTaskCompleted', `whistle-${whistleId}`, {
      whistleId,
      departmentId,
      staffId: `staff-${departmentId}`,
      notes: '已处置',
      photoIds: [],
      withinDeadline: true,
      minutesToResolve: (this.clock.now().getTime() - w.blownAt) / 60_000,
    });
  }

  async resolveWhistle(whistleId: string) {
    const w = this.whistles.get(whistleId)!;
    await this.append('WhistleResolved', `whistle-${whistleId}`, {
      whistleId,
      caseId: w.caseId,
      streetId: w.streetId,
      departmentIds: w.departmentIds,
      summary: '联合处置完毕',
      photoIds: [],
    });
  }

  async evaluateDepartment(whistleId: string, departmentId: string, score: number) {
    const w = this.whistles.get(whistleId)!;
    await this.append('DepartmentEvaluated', `whistle-${whistleId}`, {
      whistleId,
      departmentId,
      streetId: w.streetId,
      score,
      comment: null,
      by: 'street',
      evaluatorId: 'officer-1',
    });
  }

  // 议事厅 (deliberation)

  async proposeTopic(topicId: string, o: { communityId: string; proposerId: string | null; title?: string }) {
    await this.append('TopicProposed', `topic-${topicId}`, {
      topicId,
      communityId: o.communityId,
      gridId: null,
      title: o.title ?? '加装电梯',
      description: '老旧小区加装电梯',
      anonymous: o.proposerId === null,
      proposerId: o.proposerId,
    });
  }

  async screenTopic(topicId: string, outcome: 'accepted' | 'rejected' = 'accepted') {
    await this.append('TopicScreened', `topic-${topicId}`, {
      topicId,
      outcome,
      reason: outcome === 'rejected' ? '不属于社区事务' : null,
      mergedIntoTopicId: null,
    });
  }

  async attendMeeting(topicId: string, residentId: string, participation: 'in_person' | 'online' | 'assisted' = 'in_person') {
    await this.append('MeetingAttended', `topic-${topicId}`, { topicId, meetingId: `meeting-${topicId}`, residentId, participation });
  }

  async openVoting(topicId: string, o: { communityId: string; eligibleVoters: number }) {
    await this.append('VotingOpened', `topic-${topicId}`, {
      topicId,
      closesAt: new Date(this.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      options: [
        { optionId: 'yes', label: '同意' },
        { optionId: 'no', label: '不同意' },
      ],
      eligibility: { scope: 'community', scopeId: o.communityId, roster: null, verifiedOnly: true },
      eligibleVoters: o.eligibleVoters,
      quorumPercent: 50,
      passThresholdPercent: 66,
    });
  }

  async castBallot(topicId: string, voterId: string, assisted = false) {
    await this.append('BallotCast', `voter-${topicId}-${voterId}`, { topicId, voterId, ballotId: `ballot-${topicId}-${voterId}`, assisted });
  }

  async closeVoting(topicId: string, o: { yes: number; no: number; eligibleVoters: number }) {
    const ballotsCast = o.yes + o.no;
    const turnoutPercent = Math.round((ballotsCast / o.eligibleVoters) * 1000) / 10;
    const passed = turnoutPercent >= 50 && o.yes / ballotsCast >= 0.66;
    await this.append('VotingClosed', `topic-${topicId}`, {
      topicId,
      tally: [
        { optionId: 'yes', votes: o.yes },
        { optionId: 'no', votes: o.no },
      ],
      ballotsCast,
      eligibleVoters: o.eligibleVoters,
      turnoutPercent,
      quorumMet: turnoutPercent >= 50,
      passed,
      winningOptionId: passed ? 'yes' : null,
      assistedBallots: 0,
    });
  }

  async decideTopic(topicId: string, result: 'adopted' | 'rejected') {
    await this.append('TopicDecided', `topic-${topicId}`, {
      topicId,
      result,
      chosenOptionId: result === 'adopted' ? 'yes' : null,
      reasons: '投票通过',
    });
  }

  async adoptSuggestion(topicId: string, o: { title: string; departmentIds: string[]; residentId: string | null }) {
    await this.append('SuggestionAdopted', `topic-${topicId}`, {
      topicId,
      title: o.title,
      responsibleDepartmentIds: o.departmentIds,
      anonymous: o.residentId === null,
      residentId: o.residentId,
    });
  }

  async reportImplementation(topicId: string, percent: number) {
    await this.append('ImplementationProgressReported', `topic-${topicId}`, {
      topicId,
      percent,
      note: `完成 ${percent}%`,
      photoIds: [],
      supervisorId: 'supervisor-1',
    });
  }

  async completeTopic(topicId: string) {
    await this.append('TopicCompleted', `topic-${topicId}`, { topicId, summary: '电梯已投入使用', afterPhotoIds: [] });
  }

  // 积分 (points)

  async awardPoints(residentId: string, points: number, o: { ruleId?: string; communityId?: string | null } = {}) {
    await this.append('PointsAwarded', `points-${residentId}`, {
      residentId,
      communityId: o.communityId === undefined ? 'community-1' : o.communityId,
      points,
      ruleId: o.ruleId ?? 'valid-report',
      sourceEventId: `source-${++this.seq}`,
      sourceEventType: 'CaseAccepted',
      sourceKey: null,
      categoryCode: null,
      awardedAt: this.clock.now().toISOString(),
    });
  }

  async setDisplayName(residentId: string, displayName: string, communityId: string | null = 'community-1') {
    await this.append('ResidentProfileUpdated', `points-${residentId}`, { residentId, displayName, communityId });
  }

  async redeem(residentId: string, points: number, rewardId = 'canteen-coupon') {
    await this.append('RewardRedeemed', `points-${residentId}`, {
      redemptionId: `redemption-${++this.seq}`,
      residentId,
      rewardId,
      rewardName: '社区食堂餐券',
      quantity: 1,
      points,
    });
  }

  async reachLevel(residentId: string, level: string, levelIndex: number, lifetimePoints: number) {
    await this.append('LevelReached', `points-${residentId}`, { residentId, level, levelIndex, lifetimePoints });
  }

  async earnBadge(residentId: string, badgeId: string, badgeName: string, kind: 'badge' | 'honour' = 'badge') {
    await this.append('BadgeEarned', `points-${residentId}`, { residentId, badgeId, badgeName, kind });
  }

  async depositHours(residentId: string, hours: number) {
    await this.append('VolunteerHoursDeposited', `timebank-${residentId}`, {
      residentId,
      hours,
      entryId: `entry-${++this.seq}`,
      verifiedBy: 'organiser-1',
    });
  }
  // 共建 (co-building)

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
}
