import type { Place, ScenarioConstructor } from './scenario-events';

/** Steps of a case in grid-events (事件): reported, accepted, dispatched, handled, confirmed, rated, closed. */
export function withCases<TBase extends ScenarioConstructor>(Base: TBase) {
  return class extends Base {
    private readonly places = new Map<string, Place & { categoryCode: string; reporterId: string | null }>();
    private readonly dispatches = new Map<string, { departmentId: string | null; assigneeKind: 'grid_worker' | 'department'; assigneeId: string }>();

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
  };
}
