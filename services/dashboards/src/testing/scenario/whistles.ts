import type { ScenarioConstructor } from './scenario-events';

/** Steps of a whistle in department-dispatch (吹哨报到): blown, checked in or missed, task done, resolved, evaluated. */
export function withWhistles<TBase extends ScenarioConstructor>(Base: TBase) {
  return class extends Base {
    private readonly whistles = new Map<string, { blownAt: number; streetId: string; caseId: string | null; departmentIds: string[] }>();

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
      await this.append('CheckInMissed', `whistle-${whistleId}`, {
        whistleId,
        departmentId,
        dueAt: new Date(w.blownAt + 30 * 60_000).toISOString(),
      });
      await this.append('WhistleEscalated', `whistle-${whistleId}`, {
        whistleId,
        departmentId,
        level: 'street',
        escalatedTo: w.streetId,
        nextEscalationAt: new Date(this.clock.now().getTime() + 30 * 60_000).toISOString(),
      });
    }

    async completeTask(whistleId: string, departmentId: string, withinDeadline = true) {
      const w = this.whistles.get(whistleId)!;
      await this.append('WhistleTaskCompleted', `whistle-${whistleId}`, {
        whistleId,
        departmentId,
        staffId: `staff-${departmentId}`,
        notes: '已处置',
        photoIds: [],
        withinDeadline,
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
  };
}
