import type { ScenarioConstructor } from './scenario-events';

/** Steps of a topic in deliberation (议事厅): proposed, screened, met on, voted, decided, carried out. */
export function withDeliberation<TBase extends ScenarioConstructor>(Base: TBase) {
  return class extends Base {
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
  };
}
