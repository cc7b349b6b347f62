import { deciderSpec } from '@gongzhi/testing';
import { communityTaskDecider } from './community-task.decider';
import type { CommunityTaskEvent } from './community-task.events';

const now = new Date('2026-11-26T09:00:00.000Z');
const pushData = {
  taskId: 'task-1',
  communityId: 'community-hexie',
  streetId: 'street-nanjingdong',
  sourceDepartmentId: 'dept-minzheng',
  title: '高龄津贴年度核查',
  dueAt: '2026-12-03T09:00:00.000Z',
};
const pushed: CommunityTaskEvent = { type: 'CommunityTaskPushed', data: { ...pushData, staffId: 'staff-1' } };
const departmentStaff = { actorDepartmentId: 'dept-minzheng', actor: { id: 'staff-1', kind: 'user' as const } };
const communityOfficer = { actorCommunityId: 'community-hexie', actor: { id: 'officer-1', kind: 'user' as const } };
const spec = deciderSpec(communityTaskDecider, { now, isDepartment: (id: string) => id.startsWith('dept-') });

describe('community task decider (上面千条线，下面一根针)', () => {
  it('records a task a department pushes down to a community, with its deadline and who pushed it', () => {
    spec.given([]).when({ type: 'PushCommunityTask', data: pushData }, departmentStaff).then([pushed]);
  });

  it('refuses a push in the name of another department', () => {
    spec
      .given([])
      .when({ type: 'PushCommunityTask', data: pushData }, { ...departmentStaff, actorDepartmentId: 'dept-chengguan' })
      .thenThrows('COMMUNITY_TASK.FORBIDDEN');
  });

  it('refuses a source the registry does not know', () => {
    spec
      .given([])
      .when(
        { type: 'PushCommunityTask', data: { ...pushData, sourceDepartmentId: 'made-up' } },
        { ...departmentStaff, actorDepartmentId: 'made-up' },
      )
      .thenThrows('COMMUNITY_TASK.UNKNOWN_DEPARTMENT');
  });

  it('refuses a deadline that leaves the community less than a day, naming the field', () => {
    spec
      .given([])
      .when({ type: 'PushCommunityTask', data: { ...pushData, dueAt: '2026-11-27T08:59:59.000Z' } }, departmentStaff)
      .thenThrows('COMMUNITY_TASK.TOO_SOON', { field: 'dueAt' });
  });

  it('refuses to push the same task twice', () => {
    spec.given([pushed]).when({ type: 'PushCommunityTask', data: pushData }, departmentStaff).thenThrows('COMMUNITY_TASK.ALREADY_PUSHED');
  });

  it('is reported done by an officer of its community, within the deadline', () => {
    spec
      .given([pushed])
      .when({ type: 'CompleteCommunityTask', data: { note: '已核查 312 户' } }, communityOfficer)
      .then([
        {
          type: 'CommunityTaskCompleted',
          data: {
            taskId: 'task-1',
            communityId: 'community-hexie',
            streetId: 'street-nanjingdong',
            sourceDepartmentId: 'dept-minzheng',
            officerId: 'officer-1',
            note: '已核查 312 户',
            withinDeadline: true,
          },
        },
      ]);
  });

  it('records a late report as not within the deadline', () => {
    spec
      .given([pushed])
      .when({ type: 'CompleteCommunityTask', data: { note: '补报' } }, { ...communityOfficer, now: new Date('2026-12-03T09:00:01.000Z') })
      .then([
        {
          type: 'CommunityTaskCompleted',
          data: expect.objectContaining({ withinDeadline: false }) as CommunityTaskEvent['data'],
        } as CommunityTaskEvent,
      ]);
  });

  it('is not reported done by another community, nor twice', () => {
    spec
      .given([pushed])
      .when({ type: 'CompleteCommunityTask', data: { note: 'x' } }, { ...communityOfficer, actorCommunityId: 'community-other' })
      .thenThrows('COMMUNITY_TASK.FORBIDDEN');
    const done: CommunityTaskEvent = {
      type: 'CommunityTaskCompleted',
      data: { ...pushData, officerId: 'officer-1', note: 'x', withinDeadline: true },
    } as unknown as CommunityTaskEvent;
    spec
      .given([pushed, done])
      .when({ type: 'CompleteCommunityTask', data: { note: 'x' } }, communityOfficer)
      .thenThrows('COMMUNITY_TASK.ALREADY_DONE');
  });

  it('refuses to complete a task that was never pushed', () => {
    spec
      .given([])
      .when({ type: 'CompleteCommunityTask', data: { note: 'x' } }, communityOfficer)
      .thenThrows('COMMUNITY_TASK.NOT_FOUND');
  });
});
