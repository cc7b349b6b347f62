import type { PublicEventData } from '@gongzhi/contracts';
import { deciderSpec } from '@gongzhi/testing';
import type { BlowWhistle } from './whistle.commands';
import { whistleDecider } from './whistle.decider';
import type { WhistleEvent } from './whistle.events';

const T0 = '2026-11-26T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 6e4);
const iso = (minutes: number) => at(minutes).toISOString();

const blow: BlowWhistle = {
  type: 'BlowWhistle',
  data: {
    whistleId: 'w-1',
    caseId: 'case-1',
    categoryCode: 'order.street-vending',
    cityId: 'city-shanghai',
    districtId: 'district-huangpu',
    streetId: 'street-nanjingdong',
    title: '占道经营',
    description: '夜市摊位占用消防通道',
    departmentIds: ['dept-chengguan', 'dept-jiaojing'],
    leadDepartmentId: 'dept-chengguan',
    checkInWithinMinutes: 30,
    escalationDelaysMinutes: { district: 30, city: 60 },
    taskWithinHours: { 'dept-chengguan': 24, 'dept-jiaojing': 48 },
  },
};
const blown: WhistleEvent = {
  type: 'WhistleBlown',
  data: { ...blow.data, departmentIds: [...blow.data.departmentIds], checkInBy: iso(30) },
};

const checkedIn = (departmentId: string, minutes: number, extra: Partial<PublicEventData<'DepartmentCheckedIn'>> = {}): WhistleEvent => ({
  type: 'DepartmentCheckedIn',
  data: {
    whistleId: 'w-1',
    caseId: 'case-1',
    departmentId,
    staffId: `staff-${departmentId}`,
    checkedInAt: iso(minutes),
    withinDeadline: minutes <= 30,
    minutesToCheckIn: minutes,
    escalationLevel: null,
    taskDueBy: iso(minutes + blow.data.taskWithinHours[departmentId] * 60),
    ...extra,
  },
});
const escalated = (departmentId: string, level: 'street' | 'district' | 'city', to: string, next: number | null): WhistleEvent => ({
  type: 'WhistleEscalated',
  data: { whistleId: 'w-1', departmentId, level, escalatedTo: to, nextEscalationAt: next === null ? null : iso(next) },
});
const completed = (departmentId: string, minutes: number, notes: string): WhistleEvent => ({
  type: 'WhistleTaskCompleted',
  data: {
    whistleId: 'w-1',
    departmentId,
    staffId: `staff-${departmentId}`,
    notes,
    photoIds: [`photo-${departmentId}`],
    withinDeadline: true,
    minutesToResolve: minutes,
  },
});

const staffOf = (departmentId: string, minutes = 0) => ({
  actorDepartmentId: departmentId,
  actor: { id: `staff-${departmentId}`, kind: 'user' as const },
  now: at(minutes),
});
const timer = (minutes: number) => ({ actor: { id: 'system', kind: 'system' as const }, now: at(minutes) });
const streetOfficer = { actorStreetId: 'street-nanjingdong', actor: { id: 'officer-1', kind: 'user' as const } };
const known = new Set(['dept-chengguan', 'dept-jiaojing', 'dept-zhujian']);
const spec = deciderSpec(whistleDecider, { isDepartment: (id: string) => known.has(id) });

describe('whistle decider', () => {
  describe('when not blown yet', () => {
    it('a street officer of the street blows it: departments summoned, check in within 30 minutes', () => {
      spec
        .given([])
        .when(blow, { ...streetOfficer, now: at(0) })
        .then([blown]);
    });

    it('refuses an officer of another street', () => {
      spec
        .given([])
        .when(blow, { ...streetOfficer, actorStreetId: 'street-waitan' })
        .thenThrows('WHISTLE.FORBIDDEN');
    });

    it('refuses a whistle with no department, an unknown or repeated one, or a lead that was not summoned', () => {
      spec
        .given([])
        .when({ ...blow, data: { ...blow.data, departmentIds: [] } }, streetOfficer)
        .thenThrows('WHISTLE.NO_DEPARTMENT');
      spec
        .given([])
        .when({ ...blow, data: { ...blow.data, departmentIds: ['dept-chengguan', 'dept-nobody'] } }, streetOfficer)
        .thenThrows('WHISTLE.UNKNOWN_DEPARTMENT');
      spec
        .given([])
        .when({ ...blow, data: { ...blow.data, departmentIds: ['dept-chengguan', 'dept-chengguan'] } }, streetOfficer)
        .thenThrows('WHISTLE.DUPLICATE_DEPARTMENT');
      spec
        .given([])
        .when({ ...blow, data: { ...blow.data, leadDepartmentId: 'dept-zhujian' } }, streetOfficer)
        .thenThrows('WHISTLE.LEAD_NOT_SUMMONED');
    });
  });

  describe('when summoned', () => {
    it('a summoned department checks in (报到) in time and its task starts with its own deadline', () => {
      spec
        .given([blown])
        .when({ type: 'CheckIn', data: { departmentId: 'dept-chengguan' } }, staffOf('dept-chengguan', 5))
        .then([checkedIn('dept-chengguan', 5)]);
    });

    it('refuses a check-in by a department that was not summoned', () => {
      spec
        .given([blown])
        .when({ type: 'CheckIn', data: { departmentId: 'dept-zhujian' } }, staffOf('dept-zhujian', 5))
        .thenThrows('WHISTLE.NOT_SUMMONED');
    });

    it('refuses a check-in made for another department', () => {
      spec
        .given([blown])
        .when({ type: 'CheckIn', data: { departmentId: 'dept-jiaojing' } }, staffOf('dept-chengguan', 5))
        .thenThrows('WHISTLE.FORBIDDEN');
    });

    it('refuses a second check-in', () => {
      spec
        .given([blown, checkedIn('dept-chengguan', 5)])
        .when({ type: 'CheckIn', data: { departmentId: 'dept-chengguan' } }, staffOf('dept-chengguan', 6))
        .thenThrows('WHISTLE.ALREADY_CHECKED_IN');
    });

    it('refuses a task marked done before its check-in', () => {
      spec
        .given([blown])
        .when({ type: 'CompleteTask', data: { departmentId: 'dept-chengguan', notes: 'done', photoIds: [] } }, staffOf('dept-chengguan', 5))
        .thenThrows('WHISTLE.NOT_CHECKED_IN');
    });

    it('refuses an evaluation before the whistle is resolved', () => {
      spec
        .given([blown, checkedIn('dept-chengguan', 5)])
        .when(
          { type: 'EvaluateDepartment', data: { departmentId: 'dept-chengguan', score: 5, comment: null, by: 'street' } },
          streetOfficer,
        )
        .thenThrows('WHISTLE.NOT_RESOLVED');
    });
  });

  describe('escalation of a missed check-in (street → district → city)', () => {
    const toStreet = { type: 'EscalateCheckIn', data: { departmentId: 'dept-jiaojing', level: 'street' } } as const;
    const toDistrict = { type: 'EscalateCheckIn', data: { departmentId: 'dept-jiaojing', level: 'district' } } as const;
    const toCity = { type: 'EscalateCheckIn', data: { departmentId: 'dept-jiaojing', level: 'city' } } as const;
    const missed: WhistleEvent = { type: 'CheckInMissed', data: { whistleId: 'w-1', departmentId: 'dept-jiaojing', dueAt: iso(30) } };
    const atStreet = escalated('dept-jiaojing', 'street', 'street-nanjingdong', 60);
    const atDistrict = escalated('dept-jiaojing', 'district', 'district-huangpu', 120);

    it('at the deadline the check-in is missed and goes to the street, the district step due after its delay', () => {
      spec.given([blown]).when(toStreet, timer(31)).then([missed, atStreet]);
    });

    it('does nothing before the deadline', () => {
      spec.given([blown]).when(toStreet, timer(29)).then([]);
    });

    it('climbs to the district, then to the city, each step counted from the previous one', () => {
      spec.given([blown, missed, atStreet]).when(toDistrict, timer(75)).then([atDistrict]);
      spec
        .given([blown, missed, atStreet, atDistrict])
        .when(toCity, timer(121))
        .then([escalated('dept-jiaojing', 'city', 'city-shanghai', null)]);
    });

    it('does not skip a level or repeat one (a timer that fires twice changes nothing)', () => {
      spec.given([blown, missed, atStreet]).when(toCity, timer(200)).then([]);
      spec.given([blown, missed, atStreet]).when(toStreet, timer(200)).then([]);
      spec.given([blown, missed, atStreet, atDistrict]).when(toDistrict, timer(200)).then([]);
    });

    it('is stopped by the check-in, which records how far it had gone', () => {
      const late = checkedIn('dept-jiaojing', 70, { withinDeadline: false, escalationLevel: 'street' });
      spec
        .given([blown, missed, atStreet])
        .when({ type: 'CheckIn', data: { departmentId: 'dept-jiaojing' } }, staffOf('dept-jiaojing', 70))
        .then([late]);
      spec.given([blown, missed, atStreet, late]).when(toDistrict, timer(90)).then([]);
    });

    it('never escalates a department that checked in in time', () => {
      spec
        .given([blown, checkedIn('dept-jiaojing', 10)])
        .when(toStreet, timer(31))
        .then([]);
    });
  });

  describe('joint handling', () => {
    const both = [blown, checkedIn('dept-chengguan', 5), checkedIn('dept-jiaojing', 10)];

    it('one task done leaves the whistle open', () => {
      spec
        .given(both)
        .when(
          { type: 'CompleteTask', data: { departmentId: 'dept-chengguan', notes: '摊位已清理', photoIds: ['photo-dept-chengguan'] } },
          staffOf('dept-chengguan', 100),
        )
        .then([completed('dept-chengguan', 100, '摊位已清理')]);
    });

    it('the last task done resolves the whistle, with every department’s notes and photos', () => {
      spec
        .given([...both, completed('dept-chengguan', 100, '摊位已清理')])
        .when(
          { type: 'CompleteTask', data: { departmentId: 'dept-jiaojing', notes: '已设禁停标志', photoIds: ['photo-dept-jiaojing'] } },
          staffOf('dept-jiaojing', 200),
        )
        .then([
          completed('dept-jiaojing', 200, '已设禁停标志'),
          {
            type: 'WhistleResolved',
            data: {
              whistleId: 'w-1',
              caseId: 'case-1',
              streetId: 'street-nanjingdong',
              departmentIds: ['dept-chengguan', 'dept-jiaojing'],
              summary: 'dept-chengguan: 摊位已清理\ndept-jiaojing: 已设禁停标志',
              photoIds: ['photo-dept-chengguan', 'photo-dept-jiaojing'],
            },
          },
        ]);
    });

    it('a task not done by its deadline is marked overdue once', () => {
      const overdue: WhistleEvent = {
        type: 'WhistleTaskOverdue',
        data: { whistleId: 'w-1', departmentId: 'dept-chengguan', dueAt: iso(5 + 24 * 60) },
      };
      spec
        .given(both)
        .when({ type: 'MarkTaskOverdue', data: { departmentId: 'dept-chengguan' } }, timer(5 + 24 * 60))
        .then([overdue]);
      spec
        .given([...both, overdue])
        .when({ type: 'MarkTaskOverdue', data: { departmentId: 'dept-chengguan' } }, timer(3000))
        .then([]);
      spec
        .given(both)
        .when({ type: 'MarkTaskOverdue', data: { departmentId: 'dept-chengguan' } }, timer(60))
        .then([]);
    });
  });

  describe('when resolved', () => {
    const resolved: WhistleEvent[] = [
      blown,
      checkedIn('dept-chengguan', 5),
      checkedIn('dept-jiaojing', 10),
      completed('dept-chengguan', 100, 'a'),
      completed('dept-jiaojing', 200, 'b'),
      {
        type: 'WhistleResolved',
        data: {
          whistleId: 'w-1',
          caseId: 'case-1',
          streetId: 'street-nanjingdong',
          departmentIds: blow.data.departmentIds as string[],
          summary: 'x',
          photoIds: [],
        },
      },
    ];
    const evaluation = (by: 'street' | 'resident', evaluatorId: string): WhistleEvent => ({
      type: 'DepartmentEvaluated',
      data: {
        whistleId: 'w-1',
        departmentId: 'dept-jiaojing',
        streetId: 'street-nanjingdong',
        score: 4,
        comment: '响应及时',
        by,
        evaluatorId,
      },
    });
    const evaluate = (by: 'street' | 'resident') =>
      ({ type: 'EvaluateDepartment', data: { departmentId: 'dept-jiaojing', score: 4, comment: '响应及时', by } }) as const;

    it('the street and each resident evaluate each department once', () => {
      spec
        .given(resolved)
        .when(evaluate('street'), streetOfficer)
        .then([evaluation('street', 'officer-1')]);
      const resident = { actorStreetId: 'street-nanjingdong', actor: { id: 'resident-1', kind: 'user' as const } };
      spec
        .given([...resolved, evaluation('street', 'officer-1')])
        .when(evaluate('resident'), resident)
        .then([evaluation('resident', 'resident-1')]);
      spec
        .given([...resolved, evaluation('street', 'officer-2')])
        .when(evaluate('street'), streetOfficer)
        .thenThrows('WHISTLE.ALREADY_EVALUATED');
      spec
        .given([...resolved, evaluation('resident', 'resident-1')])
        .when(evaluate('resident'), resident)
        .thenThrows('WHISTLE.ALREADY_EVALUATED');
    });

    it('refuses evaluators from another street and departments that were not summoned', () => {
      spec
        .given(resolved)
        .when(evaluate('street'), { ...streetOfficer, actorStreetId: 'street-waitan' })
        .thenThrows('WHISTLE.FORBIDDEN');
      spec
        .given(resolved)
        .when({ ...evaluate('street'), data: { ...evaluate('street').data, departmentId: 'dept-zhujian' } }, streetOfficer)
        .thenThrows('WHISTLE.NOT_SUMMONED');
    });

    it('takes no more check-ins or tasks', () => {
      spec
        .given(resolved)
        .when({ type: 'CompleteTask', data: { departmentId: 'dept-jiaojing', notes: 'x', photoIds: [] } }, staffOf('dept-jiaojing', 300))
        .thenThrows('WHISTLE.TASK_ALREADY_COMPLETED');
    });
  });
});
