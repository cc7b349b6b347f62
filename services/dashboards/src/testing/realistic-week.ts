import type { CityScenario } from './city-scenario';

const streetA = { streetId: 'street-a', communityId: 'community-1', gridId: 'grid-a1' };
const streetB = { streetId: 'street-b', communityId: 'community-2', gridId: 'grid-b1' };

/**
 * A week of a small city: cases through the loop (one reopened, one rejected, one open), a whistle, a vote, points,
 * and co-building (partner projects with requests, activities and income; lists; organisations and grades).
 */
export async function playRealisticWeek(city: CityScenario): Promise<void> {
  await city.caseThroughTheLoop('c1', { ...streetA, departmentId: 'dept-cg' }, { acknowledgeAfterMinutes: 20, resolveAfterHours: 6, score: 5 });
  await city.caseThroughTheLoop('c2', { ...streetA, departmentId: 'dept-hb', categoryCode: 'city.env.garbage' }, { acknowledgeAfterMinutes: 90, resolveAfterHours: 60, score: 3 });
  await city.caseThroughTheLoop('c3', { ...streetB, departmentId: null }, { acknowledgeAfterMinutes: 5, resolveAfterHours: 2, score: 4 });
  await city.later({ hours: 3 }).reportCase('c4', { ...streetB, reporterId: null });
  await city.rejectCase('c4');
  await city.reportCase('c5', { ...streetA, categoryCode: 'city.traffic.parking' });
  await city.acceptCase('c5');
  await city.dispatchCase('c5', { departmentId: 'dept-jj', resolveWithinHours: 24 });
  await city.later({ minutes: 40 }).acknowledgeCase('c5');
  await city.later({ hours: 10 }).resolveCase('c5');
  await city.later({ hours: 2 }).reopenCase('c5');
  await city.later({ hours: 20 }).resolveCase('c5');
  await city.confirmCase('c5');
  await city.closeCase('c5', 'confirmed');
  await city.later({ days: 1 }).reportCase('c6', streetB);
  await city.acceptCase('c6');
  await city.dispatchCase('c6', { departmentId: 'dept-cg' });

  await city.blowWhistle('w1', { streetId: 'street-a', departmentIds: ['dept-cg', 'dept-jj', 'dept-zj'], caseId: 'c5' });
  await city.later({ minutes: 12 }).checkIn('w1', 'dept-cg');
  await city.later({ minutes: 10 }).checkIn('w1', 'dept-jj');
  await city.later({ minutes: 10 }).missCheckIn('w1', 'dept-zj');
  await city.later({ minutes: 25 }).checkIn('w1', 'dept-zj', 'street');
  for (const department of ['dept-cg', 'dept-jj', 'dept-zj']) await city.later({ hours: 3 }).completeTask('w1', department);
  await city.resolveWhistle('w1');
  await city.evaluateDepartment('w1', 'dept-cg', 5);
  await city.evaluateDepartment('w1', 'dept-zj', 3);

  await city.later({ hours: 5 }).proposeTopic('t1', { communityId: 'community-1', proposerId: 'r1', title: '加装电梯' });
  await city.screenTopic('t1');
  await city.attendMeeting('t1', 'r1');
  await city.attendMeeting('t1', 'r4', 'online');
  await city.openVoting('t1', { communityId: 'community-1', eligibleVoters: 6 });
  for (const voter of ['r1', 'r2', 'r3', 'r4']) await city.later({ hours: 4 }).castBallot('t1', voter, voter === 'r3');
  await city.later({ days: 2 }).closeVoting('t1', { yes: 3, no: 1, eligibleVoters: 6 });
  await city.decideTopic('t1', 'adopted');
  await city.adoptSuggestion('t1', { title: '为3号楼加装电梯', departmentIds: ['dept-zj'], residentId: 'r1' });
  await city.later({ days: 1 }).reportImplementation('t1', 30);
  await city.proposeTopic('t2', { communityId: 'community-2', proposerId: null, title: '夜间噪音' });
  await city.screenTopic('t2', 'rejected');

  await city.awardPoints('resident-c1', 5);
  await city.awardPoints('resident-c2', 5);
  await city.awardPoints('r1', 10, { ruleId: 'deliberation-participation' });
  await city.awardPoints('r1', 20, { ruleId: 'adopted-suggestion' });
  await city.setDisplayName('r1', '李大爷');
  await city.setDisplayName('resident-c1', '小陈', 'community-1');
  await city.earnBadge('r1', 'debate-pioneer', '议事先锋');
  await city.depositHours('r4', 2);
  await city.later({ hours: 2 }).redeem('r1', 25);

  await city.startProject('p1', { communityId: 'community-1', leaderId: 'r1', title: '楼道读书会' });
  await city.joinTeam('p1', 'r2');
  await city.listResource('room-1', { communityId: 'community-1' });
  await city.requestResource('p1', 'q1', 'room-1');
  await city.requestResource('p1', 'q2', 'room-1');
  await city.later({ hours: 3 }).decideRequest('p1', 'q1', 'approved');
  await city.decideRequest('p1', 'q2', 'declined');
  await city.later({ days: 1 }).reportActivity('p1', 9);
  await city.recordIncome('p1', 12_345);
  await city.bookSpace('room-1', { communityId: 'community-1', day: '2026-12-05', from: '14:00', to: '16:00', projectId: 'p1' });
  await city.cancelBooking(await city.bookSpace('room-1', { communityId: 'community-1', day: '2026-12-06', from: '09:00', to: '10:00' }));
  await city.spendFund('community-1', 1_000, 't1');
  await city.startProject('p2', { communityId: 'community-2', title: '四点半课堂' });
  await city.requestResource('p2', 'q3', 'room-2');
  await city.postNeed('n1', 'community-2');
  await city.registerOrganisation('o1', 'community-2');
  await city.gradeOrganisation('o1', '3A', { evaluatedOn: '2026-11-01', validUntil: '2028-11-01' });
}
